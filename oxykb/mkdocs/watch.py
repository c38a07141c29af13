"""How `oxykb serve` notices a save: told by the operating system, not by MkDocs polling every claim file.

MkDocs' live-reload server polls what it watches every 0.5 s; at 10,000 claims each poll stats 10,000 files,
0.1 s of the server's time, also while it rebuilds. Instead, the operating system reports changes under
claims/ and content/ (watchdog's native observer: inotify on Linux), and each change touches one file in the
project's cache folder (outside the project, where no commit puts a file), which is all MkDocs polls. Opening
or reading a file, as every check does, is no change. Where no native observer can start, MkDocs polls the
folders themselves, as before.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .. import workspace

CHANGES = ("modified", "created", "deleted", "moved")  # watchdog's event types that are edits


class Watcher(FileSystemEventHandler):
    def __init__(self):
        self.observer = None
        self.trigger: Path | None = None

    def start(self, root: Path, folders: list[Path]) -> Path | None:
        """Watches folders natively; returns the folder MkDocs should poll instead (None: watch them yourself)."""
        self.stop()
        folder = workspace.cache_dir(root) / "serve"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.trigger = folder / "changed"
            self.trigger.write_text("", "utf-8")
            self.observer = Observer()
            for watched in folders:
                if watched.is_dir():
                    self.observer.schedule(self, str(watched), recursive=True)
            self.observer.start()
        except OSError as error:  # no inotify (or too few watches): MkDocs polls, slower but sure
            logging.getLogger("mkdocs").info(f"oxykb: watching by polling ({error})")
            self.stop()
            return None
        return folder

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in CHANGES and not event.is_directory:
            try:
                self.trigger.write_text(str(time.time_ns()), "utf-8")
            except OSError:
                pass

    def stop(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)
            self.observer = None
