#pragma once

#include <glib.h>

#include "gaps.h"
#include "macros.h"

G_BEGIN_DECLS

/**
 * AccordFactChange:
 * @key: the fact
 * @old_value: (nullable): the value in the older profile, %NULL when it did not state it
 * @new_value: (nullable): the value in the newer profile, %NULL when it does not state it
 *
 * A fact that differs between two snapshots; owned by #AccordDiff.
 */
typedef struct {
	const gchar *key;
	const gchar *old_value;
	const gchar *new_value;
} AccordFactChange;

/**
 * AccordGapChange:
 * @rule: the rule
 * @old_gap: its gap in the older snapshot, 0 when it had none
 * @new_gap: its gap in the newer one, 0 when it has none
 *
 * A rule whose gap opened (@old_gap 0), closed (@new_gap 0) or stayed open; owned by
 * #AccordDiff.
 */
typedef struct {
	const AccordRule *rule;
	gdouble old_gap;
	gdouble new_gap;
} AccordGapChange;

typedef struct _AccordDiff AccordDiff;

G_GNUC_WARN_UNUSED_RESULT AccordDiff *
accord_diff_new(AccordEvaluation *old_evaluation,
		AccordEvaluation *new_evaluation,
		const AccordScoreOptions *options,
		GError **error) ACCORD_NON_NULL(1, 2, 3);
void
accord_diff_free(AccordDiff *self);
const AccordScore *
accord_diff_get_old_score(const AccordDiff *self) ACCORD_NON_NULL(1);
const AccordScore *
accord_diff_get_new_score(const AccordDiff *self) ACCORD_NON_NULL(1);
guint
accord_diff_get_n_fact_changes(const AccordDiff *self) ACCORD_NON_NULL(1);
const AccordFactChange *
accord_diff_get_fact_change(const AccordDiff *self, guint index) ACCORD_NON_NULL(1);
guint
accord_diff_get_n_gap_changes(const AccordDiff *self) ACCORD_NON_NULL(1);
const AccordGapChange *
accord_diff_get_gap_change(const AccordDiff *self, guint index) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordDiff, accord_diff_free)

G_END_DECLS
