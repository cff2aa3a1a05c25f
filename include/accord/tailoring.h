#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "ruleset.h"

G_BEGIN_DECLS

/**
 * AccordTailoring:
 *
 * Selections and weight overrides for one ruleset, like an XCCDF Profile, loaded and validated from
 * a tailoring file; immutable and shared by reference (accord_tailoring_ref()). It holds a
 * reference to its ruleset.
 */
typedef struct _AccordTailoring AccordTailoring;

G_GNUC_WARN_UNUSED_RESULT AccordTailoring *
accord_tailoring_load_file(const gchar *path, const AccordRuleset *ruleset, GError **error)
    ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordTailoring *
accord_tailoring_load_data(const gchar *data,
			   gsize len,
			   const gchar *name,
			   const AccordRuleset *ruleset,
			   GError **error) ACCORD_NON_NULL(1, 4);
G_GNUC_WARN_UNUSED_RESULT gchar *
accord_tailoring_peek_ruleset(const gchar *data,
			      gsize len,
			      const gchar *name,
			      glong *line,
			      GError **error) ACCORD_NON_NULL(1);
AccordTailoring *
accord_tailoring_ref(const AccordTailoring *self) ACCORD_NON_NULL(1);
void
accord_tailoring_unref(AccordTailoring *self);

const gchar *
accord_tailoring_get_id(const AccordTailoring *self) ACCORD_NON_NULL(1);
const gchar *
accord_tailoring_get_title(const AccordTailoring *self) ACCORD_NON_NULL(1);
const AccordRuleset *
accord_tailoring_get_ruleset(const AccordTailoring *self) ACCORD_NON_NULL(1);
gboolean
accord_tailoring_selects_pillar(const AccordTailoring *self, const AccordPillar *pillar)
    ACCORD_NON_NULL(1, 2);
gboolean
accord_tailoring_selects_rule(const AccordTailoring *self, const AccordRule *rule)
    ACCORD_NON_NULL(1, 2);
gboolean
accord_tailoring_selects_criterion(const AccordTailoring *self, const AccordCriterion *criterion)
    ACCORD_NON_NULL(1, 2);
gdouble
accord_tailoring_get_pillar_weight(const AccordTailoring *self, const AccordPillar *pillar)
    ACCORD_NON_NULL(1, 2);
gdouble
accord_tailoring_get_rule_weight(const AccordTailoring *self, const AccordRule *rule)
    ACCORD_NON_NULL(1, 2);
gdouble
accord_tailoring_get_criterion_weight(const AccordTailoring *self, const AccordCriterion *criterion)
    ACCORD_NON_NULL(1, 2);
guint
accord_tailoring_get_n_changes(const AccordTailoring *self) ACCORD_NON_NULL(1);
const gchar *
accord_tailoring_get_change(const AccordTailoring *self, guint index) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordTailoring, accord_tailoring_unref)

G_END_DECLS
