"""Grant pools in the API. Every amount is in øre (an integer); `*_display` fields show it the Danish way."""

from rest_framework import serializers

from core.money import format_kroner
from grants.models import Application, BudgetLine, InformationRequest, Pool, Round
from grants.services import OUTCOMES
from ideas.models import Association


class GrantRoundSerializer(serializers.ModelSerializer):
    money_left = serializers.IntegerField(read_only=True)
    money_left_display = serializers.SerializerMethodField()

    class Meta:
        model = Round
        fields = [
            "id",
            "title",
            "election",
            "election_date",
            "opens_on",
            "deadline",
            "amount",
            "granted_total",
            "money_left",
            "money_left_display",
        ]

    def get_money_left_display(self, obj: Round) -> str:
        return format_kroner(obj.money_left)


class GrantPoolSerializer(serializers.ModelSerializer):
    rounds = GrantRoundSerializer(many=True, read_only=True)
    criteria_list = serializers.SlugRelatedField(slug_field="title", many=True, read_only=True)

    class Meta:
        model = Pool
        fields = [
            "id",
            "slug",
            "name",
            "purpose",
            "criteria",
            "criteria_list",
            "decided_by",
            "amount_per_round",
            "citizens_may_apply",
            "associations_may_apply",
            "max_per_application",
            "rounds",
        ]


class GrantBudgetLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetLine
        fields = ["purpose", "amount"]


class GrantInformationRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = InformationRequest
        fields = ["id", "question", "answer", "created_at", "answered_at"]


class GrantApplicationSerializer(serializers.ModelSerializer):
    """An application as its applicant and the reviewers see it (internal scores are not part of it)."""

    round = serializers.PrimaryKeyRelatedField(read_only=True)
    pool = serializers.IntegerField(source="round.pool_id", read_only=True)
    applicant_name = serializers.CharField(source="applicant.full_name", read_only=True)
    association = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    budget_lines = GrantBudgetLineSerializer(many=True, read_only=True)
    information_requests = GrantInformationRequestSerializer(many=True, read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    target_groups = serializers.ListField(child=serializers.ChoiceField(choices=Application.TargetGroup.choices))

    class Meta:
        model = Application
        fields = [
            "id",
            "reference",
            "round",
            "pool",
            "applicant_name",
            "association",
            "title",
            "description",
            "target_groups",
            "amount_applied",
            "own_contribution",
            "starts_on",
            "ends_on",
            "show_name_publicly",
            "budget_lines",
            "status",
            "status_display",
            "submitted_at",
            "information_requests",
            "amount_granted",
            "rules_applied",
            "considerations",
            "facts",
            "decided_at",
            "decision_letter",
            "report",
            "amount_spent",
            "reported_at",
            "amount_paid",
            "paid_at",
        ]
        read_only_fields = fields


class GrantApplicationCreateSerializer(serializers.Serializer):
    """A draft (or, with `submit`, a draft sent at once). Text and amounts are checked by the service."""

    round = serializers.IntegerField(required=False, help_text="The round's id; the pool's current round if left out")
    title = serializers.CharField(allow_blank=True, max_length=1000)
    description = serializers.CharField(allow_blank=True, required=False, default="", max_length=10000)
    association = serializers.SlugRelatedField(
        slug_field="slug", queryset=Association.objects.all(), required=False, allow_null=True, default=None
    )
    target_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=Application.TargetGroup.choices), required=False, default=list
    )
    amount_applied = serializers.IntegerField(min_value=0, required=False, default=0, help_text="øre")
    own_contribution = serializers.IntegerField(min_value=0, required=False, default=0, help_text="øre")
    starts_on = serializers.DateField(required=False, allow_null=True, default=None)
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)
    show_name_publicly = serializers.BooleanField(required=False, default=False)
    budget_lines = GrantBudgetLineSerializer(many=True, required=False, default=list)
    submit = serializers.BooleanField(required=False, default=False, help_text="Submit the application at once")


class GrantDecisionSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=[(outcome, outcome) for outcome in OUTCOMES])
    amount_granted = serializers.IntegerField(
        min_value=0, required=False, allow_null=True, default=None, help_text="øre"
    )
    rules_applied = serializers.CharField(allow_blank=True, max_length=10000)
    considerations = serializers.CharField(allow_blank=True, max_length=10000)
    facts = serializers.CharField(allow_blank=True, max_length=10000)


class GrantReportSerializer(serializers.Serializer):
    report = serializers.CharField(allow_blank=True, max_length=10000)
    amount_spent = serializers.IntegerField(min_value=0, help_text="øre")
