"""The PDF engine renders each version of a document once, however many requests ask at the same time."""

import threading
import time

import pytest

from shared import pdf

STYLESHEET = "css/leitbild-print.css"


class SlowRenderer:
    def __init__(self, seconds: float = 0.5, fail_first: bool = False):
        self.seconds, self.fail_first = seconds, fail_first
        self.calls = 0
        self.lock = threading.Lock()

    def __call__(self, html: str) -> bytes:
        with self.lock:
            self.calls += 1
            call = self.calls
        time.sleep(self.seconds)
        if self.fail_first and call == 1:
            raise RuntimeError("WeasyPrint fell over")
        return f"%PDF {html}".encode()


def ask_at_once(render, count: int = 4) -> list:
    start = threading.Barrier(count)
    results: list = [None] * count

    def request(number: int):
        start.wait()
        try:
            results[number] = pdf.cached_pdf("<p>Leitbild</p>", stylesheet=STYLESHEET, key_prefix="t", render=render)
        except RuntimeError as exc:
            results[number] = exc

    threads = [threading.Thread(target=request, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_simultaneous_requests_for_a_new_version_render_it_once():
    render = SlowRenderer()
    results = ask_at_once(render)
    assert render.calls == 1
    assert {result.content for result in results} == {b"%PDF <p>Leitbild</p>"}
    assert len({result.rendered_at for result in results}) == 1
    assert pdf.cached_pdf("<p>Leitbild</p>", stylesheet=STYLESHEET, key_prefix="t", render=render).size
    assert render.calls == 1  # and later requests read the cache


def test_when_the_render_fails_a_waiting_request_renders_instead():
    render = SlowRenderer(seconds=0.2, fail_first=True)
    results = ask_at_once(render, count=2)
    assert render.calls == 2
    assert sum(isinstance(result, RuntimeError) for result in results) == 1
    assert [result.content for result in results if not isinstance(result, RuntimeError)] == [b"%PDF <p>Leitbild</p>"]


def test_a_waiting_request_gives_up_waiting_and_renders_itself(monkeypatch):
    monkeypatch.setattr(pdf, "RENDER_WAIT", 0.3)
    render = SlowRenderer(seconds=1.0)
    results = ask_at_once(render, count=2)
    assert render.calls == 2  # the second did not wait longer than RENDER_WAIT
    assert all(result.content == b"%PDF <p>Leitbild</p>" for result in results)


@pytest.fixture(autouse=True)
def _fast_polling(monkeypatch):
    monkeypatch.setattr(pdf, "RENDER_POLL", 0.02)
