"""Processing off the request path: queued work survives a restart, a job whose API process died is
taken over, a crash fails the document with a reason, progress is reported."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select, update

from api.models import Document, Job, utcnow


def _job(client, doc_id: str) -> Job:
    with client.app.state.sessions() as s:
        return s.scalars(select(Job).where(Job.document_id == doc_id)).one()


def test_queued_work_survives_a_restart(make_api) -> None:
    first = make_api(run_jobs=False)  # an API whose runner never gets to the job
    doc = first.upload("officer_a", "a.txt", b"judgment text").json()
    assert _job(first.client, doc["id"]).status == "queued"
    first.client.__exit__(None, None, None)  # the API stops

    second = make_api()
    body = second.wait("officer_a", doc["id"])
    assert body["status"] == "done" and body["extraction"]["document"]["source"] == "a.txt"
    job = second.get("officer_a", f"/jobs/{doc['job']['id']}").json()
    assert job["status"] == "done" and job["progress"] == 1.0 and job["attempts"] == 1


def test_job_of_a_killed_api_is_taken_over_after_its_lease(make_api) -> None:
    first = make_api(run_jobs=False)
    doc = first.upload("officer_a", "a.txt", b"judgment text").json()
    # As if an API process had claimed the job and was killed mid-way: running, lease lapsed.
    with first.client.app.state.sessions() as s:
        s.execute(
            update(Job)
            .where(Job.document_id == doc["id"])
            .values(
                status="running",
                worker="dead-host:1:x",
                attempts=1,
                lease_until=utcnow() - timedelta(seconds=1),
            )
        )
        s.execute(update(Document).where(Document.id == doc["id"]).values(status="running"))
        s.commit()
    first.client.__exit__(None, None, None)
    second = make_api()
    body = second.wait("officer_a", doc["id"])
    assert body["status"] == "done"
    job = _job(second.client, doc["id"])
    assert job.attempts == 2 and job.worker != "dead-host:1:x"


def test_running_job_with_a_live_lease_is_left_alone(make_api) -> None:
    first = make_api(run_jobs=False)
    doc = first.upload("officer_a", "a.txt", b"judgment text").json()
    with first.client.app.state.sessions() as s:
        s.execute(
            update(Job)
            .where(Job.document_id == doc["id"])
            .values(
                status="running", worker="other:2:y", attempts=1, lease_until=utcnow() + timedelta(hours=1)
            )
        )
        s.commit()
    runner = first.client.app.state.runner
    assert runner.claim() is None


def test_job_interrupted_too_often_fails_the_document(make_api, settings) -> None:
    first = make_api(run_jobs=False)
    doc = first.upload("officer_a", "a.txt", b"judgment text").json()
    with first.client.app.state.sessions() as s:
        s.execute(
            update(Job)
            .where(Job.document_id == doc["id"])
            .values(status="running", worker="dead", attempts=settings.job_max_attempts, lease_until=utcnow())
        )
        s.commit()
    assert first.client.app.state.runner.claim() is None
    body = first.get("officer_a", f"/documents/{doc['id']}").json()
    assert body["status"] == "failed" and body["error"]["code"] == "interrupted"
    assert body["job"]["status"] == "failed"


def test_crash_in_processing_fails_the_document_with_a_reason(fake_api) -> None:
    doc = fake_api.upload("officer_a", "bad.txt", b"CRASH please").json()
    body = fake_api.wait("officer_a", doc["id"])
    assert body["status"] == "failed" and body["error"]["code"] == "internal_error"
    assert body["extraction"] is None and body["job"]["status"] == "failed"
    # the service goes on with the next document
    ok = fake_api.upload("officer_a", "good.txt", b"fine").json()
    assert fake_api.wait("officer_a", ok["id"])["status"] == "done"


def test_progress_is_reported_while_running(fake_api) -> None:
    import time

    doc = fake_api.upload("officer_a", "slow.txt", b"SLOW 1.0").json()
    seen = set()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        job = fake_api.get("officer_a", f"/jobs/{doc['job']['id']}").json()
        seen.add(job["status"])
        if job["status"] == "done":
            break
        time.sleep(0.05)
    assert "running" in seen and "done" in seen


def test_jobs_are_claimed_once(make_api) -> None:
    """Two runners on one database never take the same job."""
    from api.worker import JobRunner

    first = make_api(run_jobs=False)
    for k in range(6):
        first.upload("officer_a", f"{k}.txt", f"text {k}".encode())
    state = first.client.app.state
    runners = [
        JobRunner(state.settings, state.sessions, state.db.url, state.settings.data_dir) for _ in range(2)
    ]
    claimed: list[str] = []
    barrier = threading.Barrier(len(runners))

    def drain(runner: JobRunner) -> None:
        barrier.wait()
        while (spec := runner.claim()) is not None:
            claimed.append(spec.job_id)

    threads = [threading.Thread(target=drain, args=(r,)) for r in runners]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(claimed) == 6 == len(set(claimed))


def test_stopping_the_api_hands_running_jobs_back(make_api) -> None:
    import time

    first = make_api()
    doc = first.upload("officer_a", "slow.txt", b"SLOW 1.5").json()
    deadline = time.monotonic() + 10
    while _job(first.client, doc["id"]).status != "running" and time.monotonic() < deadline:
        time.sleep(0.02)
    first.client.__exit__(None, None, None)  # graceful stop while the job runs
    job = _job(first.client, doc["id"])
    assert job.status == "queued" and job.worker is None
    with first.client.app.state.sessions() as s:
        assert s.get(Document, doc["id"]).status == "queued"
    second = make_api()
    assert second.wait("officer_a", doc["id"])["status"] == "done"
