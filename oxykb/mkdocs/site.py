"""`oxykb build`: the whole site, built aside and swapped in at once, and only when something changed.

One build of a project runs at a time (the build lock); a build whose inputs and site did not change
since the last one is skipped (the record lives in the cache folder, where no commit can forge it); the
languages are built by build.build_language into a staging folder beside the site, which then replaces
the site in one step (Linux's renameat2), so a reader, a kill or a failure never leaves half a site.
"""

from __future__ import annotations

import ctypes
import datetime
import errno
import json
import os
import shutil
from pathlib import Path
from typing import NamedTuple

from .. import check, urls, workspace
from ..model import LANGUAGES
from . import pages
from .build import BuildFailed, build_language

BUILD_RECORD = "build.json"  # in workspace.cache_dir, where no commit can claim that a site is up to date


def _build_inputs(root: Path, site_dir: Path) -> dict:
    """Everything a build reads. Taken before the build reads anything, so that a file edited during it
    makes the next build build again."""
    inputs = check.inputs_fingerprint(
        root / "claims", root / "content", root / "mkdocs.yml", today=datetime.date.today()
    )
    return {"inputs": inputs + os.environ.get("SOURCE_DATE_EPOCH", ""), "site_dir": str(site_dir)}


def _last_build_if_current(root: Path, inputs: dict, site_dir: Path) -> dict | None:
    """The record of the last build if site_dir is what these exact inputs built, untouched since."""
    try:
        previous = json.loads((workspace.cache_dir(root) / BUILD_RECORD).read_text("utf-8"))
        if (
            site_dir.is_dir()
            and {key: previous.get(key) for key in inputs} == inputs
            and previous.get("site") == check.fingerprint(site_dir)
        ):
            return previous
    except (OSError, ValueError, AttributeError):
        pass
    return None


class Built(NamedTuple):
    claims: int
    skipped: bool  # nothing changed since the last build: the site was left as it was


def build(
    root: Path, site_dir: Path | None = None, jobs: int = 2, progress=lambda message: None, waiting=lambda: None
) -> Built:
    """check -> render -> MkDocs per language (build.build_language), then the new site swapped in only when all
    succeeded. With one job, the other languages are built after the primary one instead of beside it.

    One build of a project runs at a time: a second one calls `waiting`, then waits for the first.
    Raises ProblemsFound or BuildFailed.
    """
    site_dir = site_dir or root / "site"
    with workspace.exclusive(root, "build", waiting=waiting):
        inputs = _build_inputs(root, site_dir)
        previous = _last_build_if_current(root, inputs, site_dir)
        if previous:
            return Built(previous["claims"], True)
        progress("checking the claims")
        claims = len(pages.checked_inputs(root)[0].knowledge_base.claims)  # the builds read it again, from the cache
        progress(f"rendering and building {claims} claims in {', '.join(LANGUAGES)}")
        staging = site_dir.parent / f".{site_dir.name}.oxykb-staging"  # beside the site: on its file system
        try:
            recover(site_dir, staging)
            staging.mkdir(parents=True)
            built = staging / "site"
            build_language(root, urls.PRIMARY_LANGUAGE, built, others="parallel" if jobs > 1 else "after")
            progress(f"replacing {site_dir}")
            _swap(built, site_dir)
            record = {**inputs, "claims": claims, "site": check.fingerprint(site_dir)}
        except OSError as error:
            raise BuildFailed(f"cannot write the site to {site_dir}: {error.strerror or error}") from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _write_record(root, record)
    return Built(claims, False)


def _write_record(root: Path, record: dict) -> None:
    path = workspace.cache_dir(root) / BUILD_RECORD
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(record), "utf-8")
        temporary.replace(path)
    except OSError:
        pass  # without a writable cache folder, the next build builds again


def recover(site_dir: Path, staging: Path) -> None:
    """Puts right what a killed build left: the previous site back in place if it was moved aside, no staging."""
    previous = staging / "previous"
    if previous.is_dir() and not previous.is_symlink() and not os.path.lexists(site_dir):
        previous.rename(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    if os.path.lexists(staging):
        staging.unlink()  # a link or a file of that name, not ours


def _swap(new: Path, site_dir: Path) -> None:
    """Replaces site_dir by new in one step where the system can: a reader or a kill never finds half a site or none."""
    if not os.path.lexists(site_dir):
        new.rename(site_dir)
        return
    if not _exchange(new, site_dir):  # two renames: a kill between them is put right by the next build (recover)
        previous = new.parent / "previous"
        site_dir.rename(previous)
        new.rename(site_dir)
        new = previous
    if new.is_symlink() or not new.is_dir():
        new.unlink()  # the old site_dir was a link or a file: remove it, never what it points to
    else:
        shutil.rmtree(new)


_RENAME_EXCHANGE, _AT_FDCWD = 2, -100


def _exchange(first: Path, second: Path) -> bool:
    """Swaps two paths atomically with Linux's renameat2; False where the system or file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))
