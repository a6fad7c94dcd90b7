"""The blueprints of the web app, one per area. A new area adds its module here."""

from web.views import (
    admin,
    api,
    article,
    auth_views,
    cases,
    check,
    configuration,
    imports,
    ledger,
    review,
    search,
    standards,
)

BLUEPRINTS = [auth_views.bp, search.bp, article.bp, standards.bp, cases.bp, review.bp, check.bp,
              imports.bp, ledger.bp, admin.bp, configuration.bp, api.bp]
