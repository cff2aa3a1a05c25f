#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "evaluate.h"
#include "macros.h"

G_BEGIN_DECLS

/**
 * AccordWaiverStatus:
 * @ACCORD_WAIVER_APPLIED: in force and waives an unmet criterion: counted as met
 * @ACCORD_WAIVER_REDUNDANT: in force, but the criterion is met or not applicable anyway
 * @ACCORD_WAIVER_LAPSED: its expiry date has passed: never counted
 * @ACCORD_WAIVER_ORPHAN: names a criterion the ruleset does not have: matches nothing
 */
typedef enum {
	ACCORD_WAIVER_APPLIED,
	ACCORD_WAIVER_REDUNDANT,
	ACCORD_WAIVER_LAPSED,
	ACCORD_WAIVER_ORPHAN,
} AccordWaiverStatus;

/**
 * AccordWaiver:
 * @country: the country it is for
 * @ruleset: the ruleset id
 * @criterion: the criterion id
 * @approver: who approved it
 * @expires: the last day it is in force, YYYY-MM-DD
 * @justification: why the criterion is accepted as met
 * @line: its line in the waivers file
 *
 * One waiver, a read-only record owned by its #AccordWaiverList.
 */
typedef struct {
	gchar *country;
	gchar *ruleset;
	gchar *criterion;
	gchar *approver;
	gchar *expires;
	gchar *justification;
	glong line;
} AccordWaiver;

/**
 * AccordWaiverUse:
 * @waiver: the waiver
 * @status: what it does in this assessment
 * @criterion: (nullable): the criterion it names, %NULL for an orphan
 *
 * How one waiver bears on one assessment; owned by #AccordWaiverOutcome.
 */
typedef struct {
	const AccordWaiver *waiver;
	AccordWaiverStatus status;
	const AccordCriterion *criterion;
} AccordWaiverUse;

/**
 * AccordWaiverList:
 *
 * Waivers loaded and validated from a waivers file, each accepting one criterion as met for one
 * country and ruleset until it expires; immutable and shared by reference
 * (accord_waiver_list_ref()).
 */
typedef struct _AccordWaiverList AccordWaiverList;

/**
 * AccordWaiverOutcome:
 *
 * How each waiver for one country and ruleset bears on its evaluation, and the evaluation with the
 * applied waivers counted as met (accord_waivers_apply()). Has a single owner, who frees it with
 * accord_waiver_outcome_free(); it holds a reference to the waiver list.
 */
typedef struct _AccordWaiverOutcome AccordWaiverOutcome;

const gchar *
accord_waiver_status_to_string(AccordWaiverStatus status);

G_GNUC_WARN_UNUSED_RESULT AccordWaiverList *
accord_waiver_list_load_file(const gchar *path, GError **error) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordWaiverList *
accord_waiver_list_load_data(const gchar *data, gsize len, const gchar *name, GError **error)
    ACCORD_NON_NULL(1);
AccordWaiverList *
accord_waiver_list_ref(const AccordWaiverList *self) ACCORD_NON_NULL(1);
void
accord_waiver_list_unref(AccordWaiverList *self);
guint
accord_waiver_list_get_n_waivers(const AccordWaiverList *self) ACCORD_NON_NULL(1);
const AccordWaiver *
accord_waiver_list_get_waiver(const AccordWaiverList *self, guint index) ACCORD_NON_NULL(1);

G_GNUC_WARN_UNUSED_RESULT AccordWaiverOutcome *
accord_waivers_apply(const AccordWaiverList *list,
		     const AccordEvaluation *evaluation,
		     const gchar *date,
		     GError **error) ACCORD_NON_NULL(1, 2, 3);
void
accord_waiver_outcome_free(AccordWaiverOutcome *self);
const gchar *
accord_waiver_outcome_get_date(const AccordWaiverOutcome *self) ACCORD_NON_NULL(1);
guint
accord_waiver_outcome_get_n_uses(const AccordWaiverOutcome *self) ACCORD_NON_NULL(1);
const AccordWaiverUse *
accord_waiver_outcome_get_use(const AccordWaiverOutcome *self, guint index) ACCORD_NON_NULL(1);
const AccordEvaluation *
accord_waiver_outcome_get_evaluation(const AccordWaiverOutcome *self) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordWaiverList, accord_waiver_list_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordWaiverOutcome, accord_waiver_outcome_free)

G_END_DECLS
