"""The child process of a web import: `python -m web.import_child DATA JOB_ID` lowers its own
priority, then runs the job that web.import_jobs.start saved (see web.import_jobs)."""

import sys
from pathlib import Path

from web import import_jobs


def main(argv: list[str]) -> int:
    """Run the saved job `argv[1]` over the data directory `argv[0]`; 2 when there is no such job."""
    data, job_id = Path(argv[0]), argv[1]
    job = import_jobs.get(data, job_id)
    if job is None:
        print(f"没有导入任务 {job_id}", file=sys.stderr)
        return 2
    import_jobs.lower_priority()
    import_jobs.run(data, job)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
