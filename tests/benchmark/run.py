"""The oxykb benchmark: synthetic knowledge bases of 1,000 and 10,000 claims, timed.

    python3 -m pip install -e '.[bench]'
    python3 tests/benchmark/run.py                 # 1,000 and 10,000 claims, medians of 3 runs
    python3 tests/benchmark/run.py --sizes 1000 --runs 1
    python3 tests/benchmark/run.py --check-only      # only `oxykb check`: cold, nothing changed, one claim edited
    python3 tests/benchmark/run.py --reader-only     # one build, then what a reader downloads, and the site's size
    python3 tests/benchmark/run.py --reader-only --serve --sizes 10000   # ... and a saved claim in `oxykb serve`

Prints figures, medians with each run's figure beside them; asserts nothing
(it is not part of the test run). Every command is run as a user runs it, in a
fresh process, on a generated project in a temporary folder, once the writes
of the step before are flushed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from reader import first_view_and_search  # noqa: E402
from synthetic import generate  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def process_tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
        todo.extend(children.get(current, []))
    return total


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time and peak memory of the whole process tree.

    Writes of the step before (a generated project, a deleted site) are flushed first: the kernel
    writing them back would otherwise compete with the command for the two cores.
    """
    os.sync()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, process_tree_rss(process.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, peak


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def oxykb(*args: str) -> list[str]:
    return [sys.executable, "-m", "oxykb", *args]


def naive_docs(project: Path, language: str) -> Path:
    """The pages of the last oxykb build as plain Markdown files, one per page, as a site without oxykb has them."""
    from oxykb.mkdocs import frames, pages
    from oxykb.publish import render

    docs = project / "naive-docs" / language
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(pages.docs_dir(project, language), docs)
    for page, parts in pages.page_parts(project, language).items():
        text = (docs / page).read_text("utf-8")
        for index, part in enumerate(parts):
            text = text.replace(render.part_mark(index), part)
        (docs / page).write_text(text, "utf-8")
    (docs / "claims").mkdir(exist_ok=True)
    for claim in pages.claim_pages(project, language):
        text = frames.claim_markdown(frames.layout(claim), claim.title, claim.description, True)
        for mark, value in frames.claim_values(claim).items():
            text = text.replace(mark, value)
        (docs / "claims" / f"{claim.id}.md").write_text(text, "utf-8")
    return docs


def naive_config(project: Path, language: str) -> Path:
    """The usual way: MkDocs and Material with every page in the navigation, same pages, no oxykb."""
    docs = naive_docs(project, language)
    nav = []
    for category in ("facts", "studies", "therapies", "risks"):
        claims = sorted(p.stem for p in (project / "claims" / category).glob("*.yaml"))
        nav.append({category: [f"{category}/index.md"] + [f"claims/{claim}.md" for claim in claims]})
    nav.append(
        {
            "sources": ["sources/index.md"]
            + [f"sources/{p.name}" for p in sorted((docs / "sources").glob("*.md")) if p.name != "index.md"]
        }
    )
    config = {
        "site_name": "naive",
        "docs_dir": str(docs),
        "site_dir": str(project / f"naive-site/{language}"),
        "theme": {"name": "material", "language": language, "font": False},
        "markdown_extensions": ["admonition", "attr_list", "tables", "toc"],
        "plugins": [{"search": {"lang": language}}],
        "nav": nav,
    }
    path = project / f"naive-{language}.yml"
    path.write_text(json.dumps(config))  # JSON is YAML
    return path


def edit_latencies(project: Path, edits: int) -> list[float]:
    """Seconds from saving a claim to seeing it in the English preview, for each of `edits` saves in one serve."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        oxykb("serve", ".", "--dev-addr", f"127.0.0.1:{port}"),
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/en/claims/claim-000001/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 600
        while "<html" not in page():
            if time.monotonic() > deadline:
                raise SystemExit("oxykb serve did not start")
            time.sleep(0.5)
        claim = next(project.glob("claims/*/claim-000001.yaml"))
        latencies = []
        for _ in range(edits):
            time.sleep(2)  # the server settles
            marker = f"edited-{time.time_ns()}"
            started = time.perf_counter()
            claim.write_text(
                claim.read_text()
                .replace('rationale:\n  nl: "', f'rationale:\n  nl: "{marker} ')
                .replace('  en: "', f'  en: "{marker} ', 2)
            )
            while marker not in page():
                if time.perf_counter() - started > 300:
                    raise SystemExit("the edit never showed")
                time.sleep(0.05)
            latencies.append(time.perf_counter() - started)
        return latencies
    finally:
        server.terminate()
        server.wait(timeout=30)


def forget(project: Path) -> None:
    """A cold start: no generated pages and no caches (which live outside the project)."""
    from oxykb import workspace

    shutil.rmtree(project / workspace.WORK_DIR, ignore_errors=True)
    shutil.rmtree(workspace.cache_dir(project), ignore_errors=True)


READER_SEARCHES = {"nl": ("/claims/claim-000001/", "vriendschap"), "en": ("/en/claims/claim-000001/", "friendship")}


def reader_figures(site: Path) -> dict:
    """What a reader downloads from the site served gzip-compressed: a first view of a claim page, then a search."""
    figures = {}
    for language, (path, query) in READER_SEARCHES.items():
        seen = first_view_and_search(site, path, query)
        figures[f"first view of a claim page, {language} (KB)"] = seen["first view (KB)"]
        figures[f"then a first search, {language} (KB)"] = seen["first search (KB)"]
        figures[f"requests: first view, search, {language}"] = "{}, {}".format(*seen["requests"])
    figures["site size (MiB)"] = size_of(site) / 2**20
    return figures


def measure_reader(size: int, workdir: Path, serve_edits: int = 0) -> dict:
    """One full build, then reader_figures, then (serve_edits) the serve latency of that many saves."""
    project = generate(workdir / f"kb-{size}", size)
    forget(project)
    build_time, peak = timed(oxykb("build", "."), project)
    figures = {
        "oxykb build, full (s)": build_time,
        "peak memory, build (MiB)": peak / 2**20,
        **reader_figures(project / "site"),
        "runs": {},
    }
    if serve_edits:
        latencies = edit_latencies(project, serve_edits)
        figures["serve: saved edit visible (s)"] = statistics.median(latencies)
        figures["runs"]["serve: saved edit visible (s)"] = latencies
    return figures


def measure(
    size: int, runs: int, naive_limit: int, workdir: Path, check_only: bool = False, serve_limit: int = 0
) -> dict:
    project = generate(workdir / f"kb-{size}", size)
    results: dict[str, list[float]] = {}

    def record(name: str, value: float) -> None:
        results.setdefault(name, []).append(value)

    claim_files = [str(p) for p in project.glob("claims/*/*.yaml") if p.parent.name != "sources"]
    source_files = [str(p) for p in project.glob("claims/sources/*.yaml")]
    for run in range(runs):
        forget(project)
        shutil.rmtree(project / "site", ignore_errors=True)
        record("check cold (s)", timed(oxykb("check", "."), project)[0])
        record("check unchanged (s)", timed(oxykb("check", "."), project)[0])
        with open(claim_files[run * 7 % len(claim_files)], "a", encoding="utf-8") as edited:
            edited.write(f"# edited in run {run}\n")
        record("check, one claim edited (s)", timed(oxykb("check", "."), project)[0])
        if check_only:
            continue
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                "from pathlib import Path; from oxykb.check import check, content; from oxykb.publish import "
                "render; from oxykb.model import LANGUAGES;"
                "kb = check(Path('.')).knowledge_base; pages = content.read(Path('.'))[0];"
                "import time; t = time.perf_counter();"
                "[render.render(kb, lang, pages[lang]) for lang in LANGUAGES];"
                "print(time.perf_counter() - t)",
            ],
            cwd=project,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        record("render, both languages (s)", float(out.strip()))
        forget(project)
        build_time, peak = timed(oxykb("build", "."), project)
        record("oxykb build, full (s)", build_time)
        record("peak memory, build (MiB)", peak / 2**20)
        record("oxykb build, nothing changed (s)", timed(oxykb("build", "."), project)[0])
        if shutil.which("check-jsonschema"):
            jsonschema_time = timed(
                ["check-jsonschema", "--schemafile", str(REPO / "oxykb/schemas/claim.schema.json"), *claim_files],
                project,
            )[0]
            jsonschema_time += timed(
                ["check-jsonschema", "--schemafile", str(REPO / "oxykb/schemas/source.schema.json"), *source_files],
                project,
            )[0]
            record("check-jsonschema, same files (s)", jsonschema_time)
        if size <= naive_limit:
            naive = 0.0
            for language in ("nl", "en"):
                naive += timed(
                    [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(naive_config(project, language))], project
                )[0]
            record("naive mkdocs build, every page in nav (s)", naive)
    if check_only:
        return {**{name: statistics.median(values) for name, values in results.items()}, "runs": results}
    if size <= serve_limit:
        for latency in edit_latencies(project, runs):
            record("serve: saved edit visible (s)", latency)
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    figures = {name: statistics.median(values) for name, values in results.items()}
    figures["runs"] = {name: values for name, values in results.items() if len(values) > 1}
    figures["pages (both languages)"] = pages
    figures["pages per second"] = pages / figures["oxykb build, full (s)"]
    figures.update(reader_figures(project / "site"))
    figures["build time per claim (ms)"] = figures["oxykb build, full (s)"] / size * 1000
    if "check-jsonschema, same files (s)" in figures:
        figures["check / check-jsonschema"] = figures["check cold (s)"] / figures["check-jsonschema, same files (s)"]
    if "naive mkdocs build, every page in nav (s)" in figures:
        figures["oxykb build / naive"] = (
            figures["oxykb build, full (s)"] / figures["naive mkdocs build, every page in nav (s)"]
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--naive-limit", type=int, default=1000, help="largest size for the naive build")
    parser.add_argument("--serve-limit", type=int, default=10000, help="largest size for the serve test")
    parser.add_argument(
        "--check-only", action="store_true", help="time only `oxykb check`: cold, nothing changed, one claim edited"
    )
    parser.add_argument(
        "--reader-only", action="store_true", help="one build, then what a reader downloads, and the site's size"
    )
    parser.add_argument("--serve", action="store_true", help="with --reader-only: the serve test too (--runs saves)")
    args = parser.parse_args()
    print(f"oxykb benchmark on {os.cpu_count()} cores, {args.runs} run(s) per size, medians", flush=True)
    with tempfile.TemporaryDirectory(prefix="oxykb-bench-") as workdir:
        os.environ["OXYKB_CACHE_DIR"] = str(
            Path(workdir) / "cache"
        )  # the commands it times inherit it; removed with the rest
        all_figures = {}
        for size in args.sizes:
            if args.reader_only:
                edits = args.runs if size <= args.serve_limit and args.serve else 0
                all_figures[size] = measure_reader(size, Path(workdir), edits)
            else:
                all_figures[size] = measure(
                    size, args.runs, args.naive_limit, Path(workdir), args.check_only, args.serve_limit
                )
            print(f"\n{size:,} claims", flush=True)
            runs = all_figures[size].pop("runs")
            for name, value in all_figures[size].items():
                each = f"  ({', '.join(f'{run:.2f}' for run in runs[name])})" if name in runs else ""
                print(
                    f"  {name:<42} {value:>10.2f}{each}" if isinstance(value, float) else f"  {name:<42} {value:>10}",
                    flush=True,
                )
        if len(args.sizes) > 1 and not (args.check_only or args.reader_only):
            small, large = min(args.sizes), max(args.sizes)
            ratio = all_figures[large]["build time per claim (ms)"] / all_figures[small]["build time per claim (ms)"]
            print(f"\nbuild time per claim at {large:,} / at {small:,}: {ratio:.2f}")


if __name__ == "__main__":
    main()
