from django.urls import path

from budgets import api

urlpatterns = [
    path("budgets/", api.BudgetListApi.as_view(), name="api-budgets"),
    path("budgets/<int:budget_id>/", api.BudgetDetailApi.as_view(), name="api-budget"),
    path("budgets/<int:budget_id>/projects/", api.BudgetProjectsApi.as_view(), name="api-budget-projects"),
    path("budgets/<int:budget_id>/ballot/", api.BallotApi.as_view(), name="api-budget-ballot"),
    path("budgets/<int:budget_id>/results/", api.BudgetResultsApi.as_view(), name="api-budget-results"),
]
