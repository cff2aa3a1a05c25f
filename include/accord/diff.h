#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "gaps.h"
#include "macros.h"

G_BEGIN_DECLS

/**
 * AccordFactChangeKind:
 * @ACCORD_FACT_ADDED: the newer snapshot states a fact the older did not
 * @ACCORD_FACT_REMOVED: the newer snapshot no longer states it
 * @ACCORD_FACT_CHANGED: both state it, with different values
 *
 * How a fact moved between two snapshots.
 */
typedef enum {
	ACCORD_FACT_ADDED,
	ACCORD_FACT_REMOVED,
	ACCORD_FACT_CHANGED,
} AccordFactChangeKind;

/**
 * AccordFactChange:
 * @key: the fact
 * @kind: added, removed or changed
 * @old_value: (nullable): the value in the older profile, %NULL when it did not state it
 * @new_value: (nullable): the value in the newer profile, %NULL when it does not state it
 *
 * A fact that differs between two snapshots; owned by #AccordDiff.
 */
typedef struct {
	const gchar *key;
	AccordFactChangeKind kind;
	const gchar *old_value;
	const gchar *new_value;
} AccordFactChange;

/**
 * AccordGapChangeKind:
 * @ACCORD_GAP_OPENED: no gap before (at most %ACCORD_DIFF_CLOSED points), one now
 * @ACCORD_GAP_CLOSED: a gap before, none now
 * @ACCORD_GAP_MOVED: open in both, and it grew or shrank by more than %ACCORD_DIFF_MOVED
 * @ACCORD_GAP_STILL_OPEN: open in both, within %ACCORD_DIFF_MOVED points
 *
 * How a rule's gap moved between two snapshots.
 */
typedef enum {
	ACCORD_GAP_OPENED,
	ACCORD_GAP_CLOSED,
	ACCORD_GAP_MOVED,
	ACCORD_GAP_STILL_OPEN,
} AccordGapChangeKind;

/* a gap of at most this many points is closed: sums of user weights differ in the last bits */
#define ACCORD_DIFF_CLOSED 1e-9
/* a gap that moved by at most this many points is unchanged: half the 0.1 points reports
 * show, so "moved" never labels a change a reader cannot see */
#define ACCORD_DIFF_MOVED 0.05

/**
 * AccordGapChange:
 * @rule: the rule
 * @kind: opened, closed, moved or still open
 * @old_gap: its gap in the older snapshot, 0 when it had none
 * @new_gap: its gap in the newer one, 0 when it has none
 *
 * A rule with a gap in either snapshot; owned by #AccordDiff.
 */
typedef struct {
	const AccordRule *rule;
	AccordGapChangeKind kind;
	gdouble old_gap;
	gdouble new_gap;
} AccordGapChange;

/**
 * AccordDiff:
 *
 * What moved between two snapshots of one country: the facts that changed and each rule's gap
 * (accord_diff_new()). Has a single owner, who frees it with accord_diff_free(); it holds a
 * reference to both scores.
 */
typedef struct _AccordDiff AccordDiff;

const gchar *
accord_fact_change_kind_to_string(AccordFactChangeKind kind);
const gchar *
accord_gap_change_kind_to_string(AccordGapChangeKind kind);
G_GNUC_WARN_UNUSED_RESULT AccordDiff *
accord_diff_new(const AccordScore *old_score, const AccordScore *new_score, GError **error)
    ACCORD_NON_NULL(1, 2);
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
