"""Participatory budgets in the API. Amounts are in øre (integers); `*_display` shows them the Danish way."""

from rest_framework import serializers

from budgets.models import Budget, Project, Result
from core.money import format_kroner
from ideas.models import Association


class BudgetSerializer(serializers.ModelSerializer):
    committee = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    total_display = serializers.SerializerMethodField()
    phase = serializers.CharField(read_only=True)
    phase_display = serializers.CharField(source="get_phase_display", read_only=True)

    class Meta:
        model = Budget
        fields = [
            "id",
            "slug",
            "title",
            "description",
            "total",
            "total_display",
            "committee",
            "area",
            "eligible_postcodes",
            "voting_rule",
            "max_choices",
            "collect_from",
            "collect_until",
            "vote_from",
            "vote_until",
            "implementation_from",
            "phase",
            "phase_display",
            "review_published_at",
            "results_published_at",
        ]

    def get_total_display(self, obj: Budget) -> str:
        return format_kroner(obj.total)


class BudgetProjectSerializer(serializers.ModelSerializer):
    """A project as the public sees it; the review (cost, feasibility, reason) only once it is published."""

    title = serializers.CharField(source="idea.title", read_only=True)
    description = serializers.CharField(source="idea.body", read_only=True)
    proposed_by = serializers.CharField(source="idea.author_display_name", read_only=True)
    idea = serializers.IntegerField(source="idea_id", read_only=True)
    support_count = serializers.IntegerField(read_only=True)
    feasibility = serializers.SerializerMethodField()
    municipal_cost = serializers.SerializerMethodField()
    feasibility_reason = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = [
            "id",
            "idea",
            "title",
            "description",
            "proposed_by",
            "estimated_cost",
            "location",
            "support_count",
            "feasibility",
            "municipal_cost",
            "feasibility_reason",
            "implementation",
            "created_at",
        ]

    def _review_shown(self) -> bool:
        return bool(self.context.get("show_review"))

    def get_feasibility(self, obj: Project) -> str:
        return obj.feasibility if self._review_shown() else Project.Feasibility.PENDING

    def get_municipal_cost(self, obj: Project) -> int | None:
        return obj.municipal_cost if self._review_shown() else None

    def get_feasibility_reason(self, obj: Project) -> str:
        return obj.feasibility_reason if self._review_shown() else ""


class BudgetProjectCreateSerializer(serializers.Serializer):
    """Text, cost and phase are checked by the service (one rule, one message)."""

    title = serializers.CharField(allow_blank=True, max_length=1000)
    description = serializers.CharField(allow_blank=True, max_length=10000)
    estimated_cost = serializers.IntegerField(min_value=0, help_text="øre")
    location = serializers.CharField(allow_blank=True, required=False, default="", max_length=1000)
    association = serializers.SlugRelatedField(
        slug_field="slug", queryset=Association.objects.all(), required=False, allow_null=True, default=None
    )
    notify_progress = serializers.BooleanField(required=False, default=False)


class BallotSerializer(serializers.Serializer):
    projects = serializers.ListField(child=serializers.IntegerField(min_value=1), max_length=1000)
    notify_progress = serializers.BooleanField(required=False, default=False)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)


class BudgetResultSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="project.idea.title", read_only=True)
    outcome_display = serializers.CharField(source="get_outcome_display", read_only=True)

    class Meta:
        model = Result
        fields = [
            "rank",
            "project",
            "title",
            "online_votes",
            "paper_votes",
            "votes",
            "cost",
            "outcome",
            "outcome_display",
            "money_left_after",
        ]
