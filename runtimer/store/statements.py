"""The SQL the session store runs, apart from the code that runs it: the statements read as one schema.

Named parameters throughout; ``:id`` is the session's row id, resolved by the
store when the statement runs.
"""

INSERT_SESSION = """
    INSERT INTO sessions (workout, plan_text, started_at, status, reps_planned, rest_s, plan_day)
    VALUES (:workout, :plan_text, :started_at, 'running', :reps_planned, :rest_s, :plan_day)"""
INSERT_PHASE = """
    INSERT INTO phases (session_id, position, kind, rep, planned_s, actual_s, split_s, target_split_s, laps,
        started_s, pauses, distance_m, ended_by)
    VALUES (:id, :position, :kind, :rep, :planned_s, :actual_s, :split_s, :target_split_s, :laps,
        :started_s, :pauses, :distance_m, :ended_by)
    ON CONFLICT (session_id, position) DO UPDATE SET
        kind = excluded.kind, rep = excluded.rep, planned_s = excluded.planned_s,
        actual_s = excluded.actual_s, split_s = excluded.split_s, target_split_s = excluded.target_split_s,
        laps = excluded.laps, started_s = excluded.started_s, pauses = excluded.pauses,
        distance_m = excluded.distance_m, ended_by = excluded.ended_by"""
UPDATE_PROGRESS = """
    UPDATE sessions SET reps_done = :reps_done, reps_planned = :reps_planned,
        rest_adjust_s = :rest_adjust_s, rest_s = :rest_s
    WHERE id = :id"""
FINISH = """
    UPDATE sessions SET status = :status, ended_at = :ended_at, reps_done = :reps_done,
        reps_planned = :reps_planned, rest_adjust_s = :rest_adjust_s, rest_s = :rest_s
    WHERE id = :id"""
SET_GASSED = "UPDATE sessions SET gassed = :gassed WHERE id = :id"
# One statement, so it also proves at open that the file takes writes (SQLite
# refuses even an UPDATE that matches nothing on a read-only file). A pause is
# not counted in the end time: the phases are all the store ever heard.
STOP_ABANDONED = """
    UPDATE sessions SET status = 'stopped', ended_at = strftime('%Y-%m-%dT%H:%M:%SZ', started_at,
        '+' || (SELECT coalesce(round(sum(actual_s)), 0) FROM phases WHERE session_id = sessions.id)
        || ' seconds')
    WHERE status = 'running'"""
CHOSEN = "SELECT id FROM sessions WHERE {where} ORDER BY started_at DESC, id DESC LIMIT :limit"
