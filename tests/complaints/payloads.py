"""A valid complaint as the API takes it."""

VALID_PAYLOAD = {
    "kind": "decision",
    "department": "familiecentret",
    "subject": "Afslag på aflastning",
    "description": "Jeg forstår ikke, hvorfor vi har fået afslag på aflastning til vores søn.",
    "case_number": "13/37262",
    "decision_date": "2026-11-20",
    "desired_outcome": "At afgørelsen bliver set på igen.",
    "contact_channel": "phone",
    "phone": "12 34 56 78",
    "contact_time": "Hverdage efter kl. 15",
}
