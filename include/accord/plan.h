#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "vocabulary.h"

G_BEGIN_DECLS

/**
 * AccordPlanSetting:
 * @fact: the fact a change sets
 * @value: the value it sets
 * @text: that value as written, e.g. `adopted`
 *
 * One fact set to one value; a read-only record owned by its #AccordPlan.
 */
typedef struct {
	const AccordFactDef *fact;
	AccordValue value;
	const gchar *text;
} AccordPlanSetting;

/**
 * AccordPlanBundle:
 * @id: the bundle's id, unique in its plan
 * @title: what the bundle does, in words
 * @cost: its cost in effort units (low 1, medium 2, high 3)
 * @settings: (array length=n_settings): the changes it makes together, in file order
 * @n_settings: how many, at least one
 *
 * Changes that only make sense together, planned as one step at one cost; a read-only record
 * owned by its #AccordPlan.
 */
typedef struct {
	const gchar *id;
	const gchar *title;
	guint cost;
	const AccordPlanSetting *settings;
	guint n_settings;
} AccordPlanBundle;

/**
 * AccordPlanEntry:
 * @kind: `effort`, `keep` or `bundle`, the element's name
 * @subject: what it is about: `FACT` or `FACT=VALUE` for an effort, `FACT` for a kept fact,
 *   `ID: FACT=VALUE, …` for a bundle
 * @cost: the cost it sets in effort units; 0 for a kept fact
 * @note: the reason the file gives (an effort's or a kept fact's text), or a bundle's title
 *
 * One entry of a plan file, in file order, for reports.
 */
typedef struct {
	const gchar *kind;
	const gchar *subject;
	guint cost;
	const gchar *note;
} AccordPlanEntry;

/**
 * AccordPlan:
 *
 * A user's plan file (`urn:accord:plan:1`), loaded against a vocabulary: efforts that replace
 * the vocabulary's, facts a roadmap must keep, bundles of changes planned as one step.
 * Immutable and reference-counted.
 */
typedef struct _AccordPlan AccordPlan;

G_GNUC_WARN_UNUSED_RESULT AccordPlan *
accord_plan_load_file(const gchar *path, const AccordVocabulary *vocab, GError **error)
    ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordPlan *
accord_plan_load_data(const gchar *data,
		      gsize len,
		      const gchar *name,
		      const AccordVocabulary *vocab,
		      GError **error) ACCORD_NON_NULL(1, 4);
AccordPlan *
accord_plan_ref(const AccordPlan *self) ACCORD_NON_NULL(1);
void
accord_plan_unref(AccordPlan *self);
const gchar *
accord_plan_get_id(const AccordPlan *self) ACCORD_NON_NULL(1);
const gchar *
accord_plan_get_title(const AccordPlan *self) ACCORD_NON_NULL(1);
gboolean
accord_plan_get_effort(const AccordPlan *self,
		       const AccordFactDef *fact,
		       const AccordValue *value,
		       guint *cost) ACCORD_NON_NULL(1, 2, 3, 4);
gboolean
accord_plan_keeps_fact(const AccordPlan *self, const AccordFactDef *fact) ACCORD_NON_NULL(1, 2);
guint
accord_plan_get_n_bundles(const AccordPlan *self) ACCORD_NON_NULL(1);
const AccordPlanBundle *
accord_plan_get_bundle(const AccordPlan *self, guint index) ACCORD_NON_NULL(1);
const AccordPlanBundle *
accord_plan_get_bundle_of_fact(const AccordPlan *self, const AccordFactDef *fact)
    ACCORD_NON_NULL(1, 2);
guint
accord_plan_get_n_entries(const AccordPlan *self) ACCORD_NON_NULL(1);
const AccordPlanEntry *
accord_plan_get_entry(const AccordPlan *self, guint index) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordPlan, accord_plan_unref)

G_END_DECLS
