"""The legal track's endpoints are in the OpenAPI schema, with their fields."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_lists_the_legal_track(api, citizen):
    schema = api(citizen).get("/api/schema/").content.decode()
    for path in (
        "/api/complaints/{complaint_id}/attachments/",
        "/api/complaints/{complaint_id}/hearings/",
        "/api/complaints/{complaint_id}/decisions/",
        "/api/complaints/{complaint_id}/forward/",
        "/api/complaint-hearings/{hearing_id}/answer/",
        "/api/complaint-hearings/{hearing_id}/extension/",
    ):
        assert path in schema, path
    for field in ("legal_rules", "considerations", "complaint_guidance", "full_agreement", "hearing_override_reason"):
        assert field in schema
    assert "ComplaintDecision:" in schema and "HearingKindEnum" in schema
