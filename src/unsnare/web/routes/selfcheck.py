"""The warning-signs self-check in the web app: yes/no questions, an explained result.

The answers are not kept anywhere: the result is rendered from the form and
forgotten. It links to Get help now and to the privacy check-up, and the
check-up links back here.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from unsnare.response.selfcheck import QUESTIONS, evaluate
from unsnare.web.deps import FormSessionDep
from unsnare.web.render import page

router = APIRouter()


@router.get("/selfcheck", response_class=HTMLResponse)
def selfcheck_form(request: Request) -> HTMLResponse:
    """The self-check questions, none answered yet."""
    return page(request, "selfcheck.html", questions=QUESTIONS, result=None)


@router.post("/selfcheck", response_class=HTMLResponse)
async def selfcheck_result(request: Request, session: FormSessionDep) -> HTMLResponse:
    """What the answers show, with the next step; nothing is saved."""
    form = await request.form()
    answers = {q.id: form.get(q.id) == "yes" for q in QUESTIONS}
    result = evaluate(answers)
    response = page(request, "selfcheck.html", questions=QUESTIONS, result=result,
                    answered=answers, crisis=result.unsafe, crisis_services=[])
    response.headers["Cache-Control"] = "no-store"
    return response
