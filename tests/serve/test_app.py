"""The service on loopback: a real uvicorn on a free port, real reports, real sockets."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import socket
import time
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor

import httpx
import pytest
from msgspec.structs import replace

from checker.api import check_file
from checker.formats import RenderContext
from checker.formats.jsonout import render, result_to_dict
from checker.options import CheckOptions
from checker.read import supported_suffixes
from checker.serve.settings import ServeSettings
from tests.conftest import ROOT, SEEDS
from tests.serve.live import body_of, live_server, raw, read_response, server_log, status_of

FORMATS = ROOT / "tests" / "fixtures" / "formats"
SEED_FILES = [FORMATS / f"seed{i}.docx" for i in range(5)] + list(SEEDS.values())


@pytest.fixture(scope="module")
def log():
    with server_log() as handler:
        yield handler


@pytest.fixture(scope="module")
def server(log):
    with live_server(ServeSettings(workers=2, max_upload=1024 * 1024)) as base:
        yield base


def expected(path) -> dict:
    """What ``fzcheck check --format json`` says of the file, named as the service names it."""
    return {**result_to_dict(check_file(path)), "path": path.name}


def upload(base: str, path, **params) -> httpx.Response:
    with path.open("rb") as handle:
        return httpx.post(f"{base}/api/check", files={"file": (path.name, handle)}, params=params, timeout=60)


def test_docx_upload_answers_the_json_contract_of_check(server):
    answer = upload(server, FORMATS / "seed1.docx")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json")
    path = FORMATS / "seed1.docx"
    reference = json.loads(render([replace(check_file(path), path=path.name)], RenderContext(CheckOptions())))
    assert answer.json() == reference  # what check --format json prints, named as uploaded


def test_pasted_text_and_json_text_give_the_text_verdict(server):
    text = SEEDS["000"].read_text(encoding="utf-8")
    by_form = httpx.post(f"{server}/api/check", data={"text": text}, timeout=60).json()["results"][0]
    by_json = httpx.post(f"{server}/api/check", json={"text": text, "lang": "en"}, timeout=60).json()
    [english] = by_json["results"]
    reference = result_to_dict(check_file(SEEDS["000"]))
    assert by_form["score"] == english["score"] == reference["score"]
    assert by_form["path"] == "粘贴的文本" and english["path"] == "pasted text"
    assert by_form["findings"][0]["message"] != english["findings"][0]["message"]  # English messages


def test_html_result_is_self_contained_with_findings_in_the_text(server):
    answer = upload(server, FORMATS / "seed1.docx", format="html")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    page = answer.text
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert '<mark class="fz-hl' in page and "此处缺：成文日期" in page and "此处缺：发文机关署名" in page
    score = check_file(str(FORMATS / "seed1.docx")).score  # the page shows the check's own score
    assert f"{score} 分" in page and "default-src 'none'" in answer.headers["content-security-policy"]
    data = page.split('<script type="application/json" id="fz-json">')[1].split("</script>")[0]
    assert json.loads(data)["results"] == [expected(FORMATS / "seed1.docx")]


def test_script_in_a_report_shows_as_text(server):
    text = SEEDS["003"].read_text(encoding="utf-8").replace("魏都区", "<script>alert('x')</script>魏都区", 1)
    answer = httpx.post(f"{server}/api/check", params={"format": "html"}, data={"text": text}, timeout=60)
    page = answer.text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;魏都区" in page
    assert page.count("<script") == 1  # only the JSON data block, which never runs
    block = page.split('id="fz-json">')[1].split("</script>")[0]
    assert "<" not in block and json.loads(block)["results"][0]["meta"]["agency"] == "魏都区退役军人事务局"


def test_uploaded_name_is_a_label_never_a_path(server):
    with (FORMATS / "seed1.docx").open("rb") as handle:
        files = {"file": ("../../etc/cron.d/x 报告.docx", handle)}
        [result] = httpx.post(f"{server}/api/check", files=files, timeout=60).json()["results"]
    assert result["path"] == "x 报告.docx" and result["status"] == "ok"


def test_over_size_declared_is_413_before_the_body_is_sent(server):
    sock = raw(server)
    head = (
        "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {50 * 1024 * 1024}\r\n\r\n"
    )
    sock.sendall(head.encode())  # and not one byte of the 50 MB
    response = read_response(sock)
    sock.close()
    assert status_of(response) == 413
    assert "文件超过上限" in json.loads(body_of(response))["error"]["message"]


def test_over_size_streamed_without_length_is_413_while_streaming(server):
    sock = raw(server)
    sock.sendall(
        b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"x" * 65536
    sent = 0
    sock.settimeout(0.05)
    response = b""
    for _ in range(200):  # at most 12.5 MB; the limit is 1 MB
        try:
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            break
        try:
            response += sock.recv(65536)
        except TimeoutError:
            continue
        if response:
            break
    response += read_response(sock)
    sock.close()
    assert status_of(response) == 413 and sent < 3 * 1024 * 1024
    assert json.loads(body_of(response))["error"]["code"] == "too-large"


def test_malformed_requests_are_4xx_with_a_message_and_no_traceback(server, log):
    cases = [
        ({"content": b"--b\r\nbroken", "headers": {"Content-Type": "multipart/form-data; boundary=b"}}, 400),
        ({"content": b"x", "headers": {"Content-Type": "multipart/form-data"}}, 400),
        ({"content": b"[1, 2]", "headers": {"Content-Type": "application/json"}}, 400),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400),
        ({"content": b"\xff\xfe", "headers": {"Content-Type": "application/json"}}, 400),
        ({"json": {"text": 5}}, 400),
        ({"json": {}}, 400),
        ({"data": {"text": "法治政府建设", "pack": "../../etc/passwd"}}, 400),
        ({"data": {"text": "法治政府建设", "lang": "fr"}}, 400),
        ({"data": {"file": "not a file part"}}, 400),
        ({"content": b"text=x", "headers": {"Content-Type": "text/plain"}}, 415),
    ]
    before = len(log.records)
    for kwargs, status in cases:
        answer = httpx.post(f"{server}/api/check", timeout=30, **kwargs)
        assert answer.status_code == status, kwargs
        error = answer.json()["error"]
        assert error["code"] and error["message"], kwargs
    assert httpx.post(f"{server}/api/check?format=pdf", data={"text": "x"}).status_code == 400
    assert httpx.get(f"{server}/api/check").status_code == 405
    assert httpx.get(f"{server}/assets/..%2f..%2fapp.py").status_code == 404
    sock = raw(server)  # a Content-Length that is not a number: uvicorn's own 400, not a reset
    sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
    assert status_of(read_response(sock)) == 400
    sock.close()
    new = log.records[before:]
    assert not [r for r in new if r.exc_info or r.levelno >= logging.ERROR]


def test_fifty_concurrent_uploads_are_all_answered_correctly(server):
    files = [SEED_FILES[i % len(SEED_FILES)] for i in range(50)]
    scores = {path: expected(path)["score"] for path in set(files)}
    started = time.monotonic()
    with ThreadPoolExecutor(50) as threads:
        answers = list(threads.map(lambda path: upload(server, path), files))
    assert time.monotonic() - started < 120
    assert [a.status_code for a in answers] == [200] * 50
    assert [a.json()["results"][0]["score"] for a in answers] == [scores[path] for path in files]


def still_open(sock: socket.socket) -> bool:
    """Whether the server has left ``sock`` open (nothing to read, neither closed nor reset)."""
    sock.setblocking(False)
    try:
        return sock.recv(1) != b""
    except BlockingIOError:
        return True
    except ConnectionResetError:
        return False


def test_two_hundred_idle_connections_do_not_stop_an_upload(server):
    """The upload is answered while every idle connection is still held open: it did not wait
    for the server to close them (which it does after IDLE_SECONDS). A time budget said the
    same less surely: a loaded machine can take longer than any fixed one for the upload."""
    idle = [raw(server) for _ in range(200)]
    try:
        for sock in idle[::2]:  # half of them start a request and never finish it
            sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\n")
        answer = upload(server, FORMATS / "seed3.docx")
        held = [still_open(sock) for sock in idle]
    finally:
        for sock in idle:
            sock.close()
    assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "ok"
    assert all(held), f"{held.count(False)} idle connections were closed before the upload was answered"


def test_page_pack_list_and_openapi(server):
    page = httpx.get(f"{server}/")
    assert page.status_code == 200 and "法治政府建设年度报告自查" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    # the file picker offers every format the checker reads, and none it does not
    accept = page.text.split('accept="', 1)[1].split('"', 1)[0].split(",")
    assert sorted(accept) == sorted(supported_suffixes()) and ".ofd" in accept
    for asset in ("page.js", "page.css", "result.css"):
        assert httpx.get(f"{server}/assets/{asset}").status_code == 200
    english = httpx.get(f"{server}/", params={"lang": "en"}).text
    assert "Rule-of-law annual report self-check" in english and 'lang="en"' in english
    packs = httpx.get(f"{server}/api/packs").json()
    assert {"national", "veterans"} <= {p["id"] for p in packs} and [
        p["id"] for p in packs if p["default"]
    ] == ["national"]
    spec = httpx.get(f"{server}/openapi.json").json()
    assert spec["openapi"].startswith("3.") and "413" in spec["paths"]["/api/check"]["post"]["responses"]
    assert "close the connection" in spec["paths"]["/api/check"]["post"]["description"]
    docs = httpx.get(f"{server}/docs").text
    assert "/api/check" in docs and "https://" not in docs and "a running one is stopped" in docs


def test_other_pack_chosen_by_the_request(server):
    answer = upload(server, FORMATS / "seed1.docx", pack="veterans").json()
    assert answer["tool"]["rulepack"].startswith("veterans")


def tight_settings() -> ServeSettings:
    return ServeSettings(workers=1, queue=0, body_timeout=1.0, timeout=30.0)


def test_slow_and_idle_clients_time_out():
    with live_server(tight_settings(), timeout_keep_alive=1) as base:
        silent = raw(base)
        started = time.monotonic()
        assert silent.recv(1) == b""  # closed by the server, not left open
        assert time.monotonic() - started < 5
        silent.close()
        dribbling = raw(base)
        dribbling.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\n")
        started, closed = time.monotonic(), False
        dribbling.settimeout(0.3)
        for _ in range(30):  # one header byte every 0.3 s: never a complete head
            try:
                dribbling.sendall(b"X")
                closed = dribbling.recv(1) == b""
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                closed = True
            if closed:
                break
        dribbling.close()
        assert closed and time.monotonic() - started < 5
        slow = raw(base)
        slow.sendall(
            b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"text": '
        )
        response = read_response(slow)
        slow.close()
        assert status_of(response) == 408
        assert json.loads(body_of(response))["error"]["code"] == "slow"


def refused_when_busy(base: str, first: Future) -> httpx.Response:
    """The answer to a new check once ``first`` holds the service's one worker: asked until it is a
    refusal. A request without a media type is refused (503) before its body is read while the
    pool is full, and is otherwise a 415 that never reaches a worker. (The test slept one second
    and assumed the first upload had been taken by then: on a loaded machine it took up to 2.4 s.)"""
    while (answer := httpx.post(f"{base}/api/check", timeout=30)).status_code != 503:
        assert answer.status_code == 415, answer.text
        assert not first.done(), "the first check ended before the service was seen busy"
        time.sleep(0.02)
    return answer


def test_full_queue_is_503_with_retry_after():
    # a report long enough to keep the one worker busy while the service is asked again
    long_report = SEEDS["002"].read_bytes() * 200
    with live_server(tight_settings()) as base, ThreadPoolExecutor(1) as threads:
        files = {"file": ("long.txt", long_report)}
        first = threads.submit(httpx.post, f"{base}/api/check", files=files, timeout=120)
        second = refused_when_busy(base, first)
        assert first.result().status_code == 200
    assert second.status_code == 503 and int(second.headers["retry-after"]) > 0
    assert "秒后再试" in second.json()["error"]["message"]


def test_annotated_docx_comes_back_with_the_findings_as_comments(server):
    with (FORMATS / "seed1.docx").open("rb") as handle:
        answer = httpx.post(f"{server}/api/annotate", files={"file": ("报告.docx", handle)}, timeout=60)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''%E6%8A%A5%E5%91%8A.checked.docx" in answer.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(answer.content)) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    assert 'w:author="fzcheck"' in comments and "没有分析原因" in comments
    broken = httpx.post(
        f"{server}/api/annotate", files={"file": ("x.docx", b"PK\x03\x04 broken")}, timeout=60
    )
    assert broken.status_code == 422 and broken.json()["error"]["code"] == "corrupt"


def test_the_pages_allow_the_result_style_by_its_hash_and_no_other_inline_style(server):
    """The self-check page reads result pages, so its policy, like theirs, names the one inline
    style they carry by its hash; neither says 'unsafe-inline'."""
    result = upload(server, FORMATS / "seed1.docx", format="html")
    css = result.text.split("<style>", 1)[1].split("</style>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    page = httpx.get(f"{server}/", timeout=10)
    for policy in (result.headers["content-security-policy"], page.headers["content-security-policy"]):
        style = next(part for part in policy.split(";") if part.strip().startswith("style-src"))
        assert f"'sha256-{digest}'" in style.split() and "unsafe-inline" not in policy
