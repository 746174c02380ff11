#!/usr/bin/env python3
"""sqllogictest runner for vexdb: runs test/sql/**/*.test against a real server over the wire.

It starts build/bin/vexdb-server on a free loopback port with a temporary data directory (or uses a
running server given by --port), runs every file in a fresh database `slt_<name>` that it drops
afterwards, and prints one line per file, each failure (file:line, SQL, expected and actual), and a
closing line `N passed, N failed` that counts records. It exits 1 if anything failed.

The format is sqllogictest's (docs/testing.md describes it with our extensions):

    statement ok | statement error [errno] [message regex]
    query <I|R|T per column> [nosort|rowsort|valuesort] [label]
    <sql>
    ----
    <expected: one value per line, or one row per line with values split by tabs or single spaces,
     or `N values hashing to <md5>`>

plus `hash-threshold N`, `skipif <engine>` / `onlyif <engine>` (this engine answers to both `mysql`
and `vexdb`), `halt`, and `restart`, which SIGKILLs the server, starts it again on the same data
directory and reconnects, to prove that committed work survives a crash.
"""

import argparse
import hashlib
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from server_process import LOOPBACK, ServerError, ServerProcess

try:
    import pymysql
except ImportError:
    sys.exit("slt_runner.py needs PyMySQL: run it as `make slt` or with .venv/bin/python")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SERVER = ROOT / "build" / "bin" / "vexdb-server"
DEFAULT_TESTS = ROOT / "test" / "sql"

ENGINE_NAMES = {"mysql", "vexdb"}
SORT_MODES = ("nosort", "rowsort", "valuesort")
HASH_LINE = re.compile(r"(\d+) values hashing to ([0-9a-f]{32})")
LOST_CONNECTION_ERRNOS = {2006, 2013, 2014, 2055}
MAX_DB_NAME = 64
MAX_SHOWN_LINES = 40


# ---------------------------------------------------------------------------------------------
# Records and parsing
# ---------------------------------------------------------------------------------------------

class ParseError(Exception):
    def __init__(self, line, message):
        super().__init__(message)
        self.line = line


@dataclass
class Record:
    """One record of a test file. `skipped` is set by skipif/onlyif conditions."""
    kind: str  # statement | query | hash-threshold | halt | restart
    line: int
    skipped: bool = False
    sql: str = ""
    expect_error: bool = False
    errno: int | None = None
    error_regex: str | None = None
    types: str = ""
    sort_mode: str = "nosort"
    label: str | None = None
    expected: list = field(default_factory=list)
    threshold: int = 0


def split_blocks(text):
    """Splits a file into records: lists of (line number, text) separated by blank lines.

    Lines starting with `#` are comments: dropped, and they do not separate records.
    """
    blocks, current = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            continue
        if line.strip():
            current.append((number, line.rstrip()))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def condition_skips(tokens, line):
    """Evaluates one `skipif <engine>` / `onlyif <engine>` line; True if the record is skipped."""
    if len(tokens) < 2:
        raise ParseError(line, f"{tokens[0]} needs an engine name")
    engine = tokens[1].lower()
    return engine in ENGINE_NAMES if tokens[0] == "skipif" else engine not in ENGINE_NAMES


def parse_block(block):
    """Parses one record; raises ParseError on malformed input."""
    skipped = False
    while block and block[0][1].split()[0] in ("skipif", "onlyif"):
        line, text = block[0]
        skipped |= condition_skips(text.split(), line)
        block = block[1:]
    if not block:
        raise ParseError(line, "condition with no record after it")
    line, header = block[0]
    tokens = header.split()
    body = block[1:]
    if tokens[0] == "statement":
        record = parse_statement(line, header, tokens, body)
    elif tokens[0] == "query":
        record = parse_query(line, tokens, body)
    elif tokens[0] == "hash-threshold":
        record = parse_hash_threshold(line, tokens, body)
    elif tokens[0] in ("halt", "restart"):
        expect_no_body(line, tokens[0], body)
        record = Record(kind=tokens[0], line=line)
    else:
        raise ParseError(line, f"unknown record type {tokens[0]!r}")
    record.skipped = skipped
    return record


def expect_no_body(line, what, body):
    if body:
        raise ParseError(body[0][0], f"{what} takes no further lines")


def parse_statement(line, header, tokens, body):
    """`statement ok` or `statement error [errno] [regex]`, then the SQL."""
    if len(tokens) < 2 or tokens[1] not in ("ok", "error"):
        raise ParseError(line, "expected `statement ok` or `statement error`")
    if tokens[1] == "ok" and len(tokens) > 2:
        raise ParseError(line, "`statement ok` takes no arguments")
    record = Record(kind="statement", line=line, expect_error=tokens[1] == "error")
    rest = header.split(None, 2)[2] if len(tokens) > 2 else ""
    errno_match = re.match(r"(\d+)(?:\s+|$)", rest)
    if errno_match:
        record.errno = int(errno_match.group(1))
        rest = rest[errno_match.end():]
    record.error_regex = compile_regex(line, rest) if rest else None
    if any(text == "----" for _, text in body):
        raise ParseError(line, "statement records have no ---- section")
    record.sql = sql_text(line, body)
    return record


def compile_regex(line, pattern):
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ParseError(line, f"bad error regex {pattern!r}: {exc}") from None
    return pattern


def sql_text(line, lines):
    if not lines:
        raise ParseError(line, "record has no SQL")
    return "\n".join(text for _, text in lines)


def parse_query(line, tokens, body):
    """`query <types> [sortmode] [label]`, the SQL, `----`, then the expected results."""
    if len(tokens) < 2 or not re.fullmatch(r"[IRT]+", tokens[1]):
        raise ParseError(line, "query needs a type string of I, R and T characters")
    if len(tokens) > 2 and tokens[2] not in SORT_MODES:
        raise ParseError(line, f"unknown sort mode {tokens[2]!r} (expected one of {SORT_MODES})")
    if len(tokens) > 4:
        raise ParseError(line, "query takes at most a type string, a sort mode and a label")
    separators = [i for i, (_, text) in enumerate(body) if text == "----"]
    if not separators:
        raise ParseError(line, "query has no ---- line before its expected results")
    split = separators[0]
    record = Record(kind="query", line=line, types=tokens[1],
                    sort_mode=tokens[2] if len(tokens) > 2 else "nosort",
                    label=tokens[3] if len(tokens) > 3 else None)
    record.sql = sql_text(line, body[:split])
    record.expected = [text for _, text in body[split + 1:]]
    return record


def parse_hash_threshold(line, tokens, body):
    if len(tokens) != 2 or not tokens[1].isdigit():
        raise ParseError(line, "expected `hash-threshold N`")
    expect_no_body(line, "hash-threshold", body)
    return Record(kind="hash-threshold", line=line, threshold=int(tokens[1]))


def parse_file(path):
    """Returns the records of one .test file; raises ParseError."""
    text = Path(path).read_text(encoding="utf-8")
    return [parse_block(block) for block in split_blocks(text)]


# ---------------------------------------------------------------------------------------------
# Rendering and comparing results
# ---------------------------------------------------------------------------------------------

def render_value(value, type_char):
    """Renders one value the way the record's type string asks, whatever the server type was.

    I: integer text, truncating a decimal or float toward zero; R: `%.3f`; T: the text with `''`
    as `(empty)` and control characters as `@`. NULL is `NULL` for every type. Values that are
    not numbers under I or R are shown as they are, so they mismatch visibly.
    """
    if value is None:
        return "NULL"
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    if type_char == "I":
        return render_integer(text)
    if type_char == "R":
        return render_real(text)
    return render_text(text)


def render_integer(text):
    try:
        return str(int(Decimal(text.strip())))
    except (InvalidOperation, ValueError, OverflowError):
        return text


def render_real(text):
    try:
        return "%.3f" % float(text)
    except ValueError:
        return text


def render_text(text):
    if text == "":
        return "(empty)"
    return "".join("@" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in text)


def sorted_rows(rows, sort_mode):
    """Applies the sort mode to rendered rows and returns the flat list of values."""
    if sort_mode == "rowsort":
        rows = sorted(rows)
    values = [value for row in rows for value in row]
    return sorted(values) if sort_mode == "valuesort" else values


def hash_values(values):
    """MD5 of each value followed by a newline, as sqllogictest hashes results."""
    digest = hashlib.md5()
    for value in values:
        digest.update(value.encode("utf-8") + b"\n")
    return digest.hexdigest()


def expected_values(lines, columns, rows):
    """Reads the expected block as values: one per line, or whole rows split by tabs/spaces.

    The block is one value per line when it has a single column or exactly rows×columns lines;
    otherwise each line is a row whose values are separated by tabs, or by single spaces when the
    line has no tab.
    """
    if columns == 1 or len(lines) == rows * columns:
        return list(lines)
    values = []
    for line in lines:
        values.extend(line.split("\t") if "\t" in line else line.split(" "))
    return values


def describe_actual(rows, values, threshold):
    """Formats actual results for a failure report: rows, tab-separated, and the hash if large."""
    lines = ["\t".join(row) for row in rows]
    if len(lines) > MAX_SHOWN_LINES:
        lines = lines[:MAX_SHOWN_LINES] + [f"... ({len(rows)} rows in all)"]
    if threshold and len(values) > threshold:
        lines.append(f"{len(values)} values hashing to {hash_values(values)}")
    return lines


def describe_expected(lines):
    if len(lines) > MAX_SHOWN_LINES:
        return lines[:MAX_SHOWN_LINES] + [f"... ({len(lines)} lines in all)"]
    return lines


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------

class ConnectionLost(Exception):
    """The connection died under a record: the server crashed, hung, or closed it."""


class Target:
    """The server under test: one we started (which can be restarted) or one given by --port."""

    def __init__(self, args, work_dir):
        self.user = args.user
        self.password = args.password
        self.timeout = args.timeout
        self.process = None
        self.start_error = None
        if args.port:
            self.host, self.port = args.host, args.port
        else:
            self.process = ServerProcess(args.server, work_dir / "data", work_dir / "server.log")
            self.host, self.port = self.process.host, self.process.port

    def ensure_running(self):
        """Starts our server if it is not running (first use, or after it died).

        A server that failed to start once is not tried again: later files fail at once.
        """
        if self.start_error:
            raise self.start_error
        if self.process and not self.process.running:
            self.start(self.process.start)

    def restart(self):
        if not self.process:
            raise ServerError("`restart` needs a server started by the runner, not --port")
        self.start(self.process.crash_and_restart)

    def start(self, how):
        try:
            how()
        except ServerError as exc:
            self.start_error = exc
            raise

    def reconnect(self, database):
        """Connects again after a lost connection, restarting our server if it stopped serving."""
        self.ensure_running()
        try:
            return self.connect(database)
        except pymysql.MySQLError:
            if not self.process:
                raise
        self.start(self.process.crash_and_restart)
        return self.connect(database)

    def connect(self, database=None):
        """Opens an autocommit connection that returns every value as text (bytes if binary)."""
        return pymysql.connect(host=self.host, port=self.port, user=self.user,
                               password=self.password, database=database, autocommit=True,
                               conv={}, charset="utf8mb4", connect_timeout=10,
                               read_timeout=self.timeout, write_timeout=self.timeout)


@dataclass
class FileResult:
    path: str
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list = field(default_factory=list)

    def fail(self, line, message, sql=None):
        """Records a failure: `file:line: <first line of message>`, the SQL, then the details."""
        self.failed += 1
        headline, *details = message.split("\n")
        report = [f"{self.path}:{line}: {headline}"]
        if sql is not None:
            report += ["    " + text for text in sql.splitlines()]
        self.failures.append("\n".join(report + details))


class FileRunner:
    """Runs the records of one file in its own database on one connection."""

    def __init__(self, target, path, records, result):
        self.target = target
        self.records = records
        self.result = result
        self.database = database_name(path)
        self.conn = None
        self.threshold = 0
        self.labels = {}

    def run(self):
        try:
            self.target.ensure_running()
            self.setup()
            for record in self.records:
                if record.skipped:
                    self.result.skipped += 1
                elif record.kind == "halt":
                    break
                else:
                    self.run_record(record)
            self.teardown()
        except (ConnectionLost, ServerError, pymysql.MySQLError) as exc:
            self.result.fail(0, f"file aborted: {exc}")
        finally:
            if self.conn:
                self.conn.close()

    def setup(self):
        self.conn = self.target.connect()
        for sql in (f"DROP DATABASE IF EXISTS {self.database}", f"CREATE DATABASE {self.database}",
                    f"USE {self.database}"):
            self.execute(sql)

    def teardown(self):
        self.execute(f"DROP DATABASE {self.database}")

    def run_record(self, record):
        if record.kind == "hash-threshold":
            self.threshold = record.threshold
        elif record.kind == "restart":
            self.restart(record)
        elif record.kind == "statement":
            self.run_statement(record)
        else:
            self.run_query(record)

    def execute(self, sql):
        """Runs one statement; returns (column count, rows). Raises ConnectionLost or MySQLError."""
        try:
            with self.conn.cursor() as cursor:
                cursor.execute(sql)
                columns = len(cursor.description) if cursor.description else 0
                return columns, list(cursor.fetchall())
        except (pymysql.MySQLError, OSError) as exc:
            if self.conn.open and not is_lost_connection(exc):
                raise
            raise ConnectionLost(f"connection lost: {exc}") from exc

    def fail_and_reconnect(self, record, exc):
        """Fails a record whose connection died, then reconnects to the file's database."""
        self.result.fail(record.line, str(exc), record.sql)
        if self.conn.open:
            self.conn.close()
        self.conn = self.target.reconnect(self.database)

    def restart(self, record):
        try:
            self.conn.close()
            self.target.restart()
            self.conn = self.target.connect(self.database)
        except (ServerError, pymysql.MySQLError) as exc:
            raise ConnectionLost(f"restart at line {record.line} failed: {exc}") from exc
        self.result.passed += 1

    def run_statement(self, record):
        try:
            self.execute(record.sql)
        except ConnectionLost as exc:
            self.fail_and_reconnect(record, exc)
            return
        except pymysql.MySQLError as exc:
            self.check_error(record, exc)
            return
        if record.expect_error:
            self.result.fail(record.line, "statement succeeded but an error was expected",
                             record.sql)
        else:
            self.result.passed += 1

    def check_error(self, record, exc):
        errno, message = error_parts(exc)
        if not record.expect_error:
            self.result.fail(record.line, f"unexpected error {errno}: {message}", record.sql)
        elif record.errno is not None and errno != record.errno:
            self.result.fail(record.line, f"expected error {record.errno}, got {errno}: {message}",
                             record.sql)
        elif record.error_regex and not re.search(record.error_regex, message):
            self.result.fail(record.line, f"error message {message!r} does not match "
                                          f"{record.error_regex!r}", record.sql)
        else:
            self.result.passed += 1

    def run_query(self, record):
        try:
            columns, raw_rows = self.execute(record.sql)
        except ConnectionLost as exc:
            self.fail_and_reconnect(record, exc)
            return
        except pymysql.MySQLError as exc:
            errno, message = error_parts(exc)
            self.result.fail(record.line, f"query failed with error {errno}: {message}", record.sql)
            return
        if columns != len(record.types):
            self.result.fail(record.line, f"expected {len(record.types)} columns, got {columns}",
                             record.sql)
            return
        rows = [[render_value(v, t) for v, t in zip(row, record.types)] for row in raw_rows]
        values = sorted_rows(rows, record.sort_mode)
        mismatch = self.compare(record, rows, values)
        if mismatch:
            self.result.fail(record.line, mismatch, record.sql)
        else:
            self.result.passed += 1

    def compare(self, record, rows, values):
        """Returns a description of how the result differs from the expectation, or None."""
        actual_hash = hash_values(values)
        hashed = HASH_LINE.fullmatch(record.expected[0]) if len(record.expected) == 1 else None
        if hashed:
            ok = int(hashed.group(1)) == len(values) and hashed.group(2) == actual_hash
        else:
            want = expected_values(record.expected, len(record.types), len(rows))
            ok = want == values
        if not ok:
            display = sorted(rows) if record.sort_mode == "rowsort" else rows
            return "wrong result\n  expected:\n{}\n  actual:\n{}".format(
                indent(describe_expected(record.expected)),
                indent(describe_actual(display, values, self.threshold)))
        return self.check_label(record, len(values), actual_hash)

    def check_label(self, record, count, digest):
        if record.label is None:
            return None
        first = self.labels.setdefault(record.label, (record.line, count, digest))
        if first[1:] != (count, digest):
            return f"result differs from the one at line {first[0]} with label {record.label}"
        return None


def indent(lines):
    return "\n".join("    " + line for line in lines) if lines else "    (no rows)"


def error_parts(exc):
    """Returns (errno, message) of a PyMySQL error."""
    if len(exc.args) >= 2 and isinstance(exc.args[0], int):
        return exc.args[0], str(exc.args[1])
    return None, str(exc)


def is_lost_connection(exc):
    return isinstance(exc, OSError) or error_parts(exc)[0] in LOST_CONNECTION_ERRNOS


def database_name(path):
    """`slt_` plus the file's path under test/sql, as a valid identifier of at most 64 chars."""
    path = Path(path).resolve()
    try:
        stem = path.relative_to(DEFAULT_TESTS).with_suffix("")
    except ValueError:
        stem = Path(path.stem)
    name = "slt_" + re.sub(r"[^a-z0-9]+", "_", str(stem).lower()).strip("_")
    if len(name) > MAX_DB_NAME:
        digest = hashlib.md5(name.encode()).hexdigest()[:8]
        name = name[:MAX_DB_NAME - 9] + "_" + digest
    return name


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------

def find_test_files(paths):
    """Expands directories to the .test files under them, sorted; keeps files as given."""
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(path.rglob("*.test")))
        elif path.is_file():
            files.append(path)
        else:
            sys.exit(f"slt_runner.py: no such file or directory: {path}")
    return files


def display_path(path):
    path = Path(path).resolve()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def parse_all(files):
    """Parses every file; returns {file: records} and a list of FileResults for parse errors."""
    parsed, errors = {}, []
    for path in files:
        try:
            parsed[path] = parse_file(path)
        except ParseError as exc:
            result = FileResult(display_path(path))
            result.fail(exc.line, f"parse error: {exc}")
            errors.append(result)
    return parsed, errors


def print_file_result(result):
    status = "ok  " if result.failed == 0 else "FAIL"
    skipped = f", {result.skipped} skipped" if result.skipped else ""
    print(f"[{status}] {result.path}: {result.passed} passed, {result.failed} failed{skipped}",
          flush=True)
    for failure in result.failures:
        print(failure, flush=True)


def run_files(target, parsed, results):
    """Runs each parsed file, printing its result as soon as it is known."""
    for path, records in parsed.items():
        result = FileResult(display_path(path))
        FileRunner(target, path, records, result).run()
        print_file_result(result)
        results.append(result)


def stop_server(target, results):
    """Stops the server we started; an unclean exit counts as one failure."""
    if not (target.process and target.process.running):
        return
    code = target.process.stop()
    if code != 0:
        result = FileResult("vexdb-server")
        result.fail(0, f"server exited with code {code} on SIGTERM\n{target.process.log_tail()}")
        print_file_result(result)
        results.append(result)


def run(args, parsed):
    """Runs the parsed files against the target server and returns their results."""
    work_dir = Path(tempfile.mkdtemp(prefix="vexdb-slt-"))
    target = Target(args, work_dir)
    results = []
    try:
        run_files(target, parsed, results)
    finally:
        stop_server(target, results)
    if any(r.failed for r in results) and target.process:
        print(f"server log and data kept in {work_dir}")
    elif not args.keep_data:
        shutil.rmtree(work_dir, ignore_errors=True)
    return results


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_TESTS)],
                        help="test files or directories (default: test/sql)")
    parser.add_argument("--server", default=str(DEFAULT_SERVER),
                        help="server binary to start (default: build/bin/vexdb-server)")
    parser.add_argument("--host", default=LOOPBACK, help="host of a running server (with --port)")
    parser.add_argument("--port", type=int, help="use the server already listening on this port")
    parser.add_argument("--user", default="root")
    parser.add_argument("--password", default="")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds one statement may take (default 60)")
    parser.add_argument("--keep-data", action="store_true",
                        help="keep the temporary data directory and server log")
    parser.add_argument("--parse-only", action="store_true",
                        help="only parse the files and report format errors")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    files = find_test_files(args.paths)
    parsed, results = parse_all(files)
    for result in results:
        print_file_result(result)
    if args.parse_only:
        records = sum(len(r) for r in parsed.values())
        print(f"parsed {len(parsed)} of {len(files)} files, {records} records")
        return 1 if results else 0
    results += run(args, parsed)
    passed = sum(r.passed for r in results)
    failed = sum(r.failed for r in results)
    skipped = sum(r.skipped for r in results)
    print(f"{len(files)} files, {skipped} records skipped")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
