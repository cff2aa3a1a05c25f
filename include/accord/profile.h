#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "vocabulary.h"

G_BEGIN_DECLS

/**
 * AccordConfidence:
 * @ACCORD_CONFIDENCE_LOW: inferred, or from a weak source
 * @ACCORD_CONFIDENCE_MEDIUM: read in a secondary source
 * @ACCORD_CONFIDENCE_HIGH: read in the primary source
 */
typedef enum {
	ACCORD_CONFIDENCE_LOW,
	ACCORD_CONFIDENCE_MEDIUM,
	ACCORD_CONFIDENCE_HIGH,
} AccordConfidence;

/**
 * AccordDropReason:
 * @ACCORD_DROP_NONE: the fact counts
 * @ACCORD_DROP_BELOW_FLOOR: its confidence is below the floor (`--min-confidence`)
 * @ACCORD_DROP_STALE: its newest evidence is older than the maximum age (`--evidence-max-age`)
 * @ACCORD_DROP_EXPIRED: every piece of its evidence has expired
 *
 * Why a filtered profile treats a fact its file states as unknown
 * (accord_profile_new_filtered()).
 */
typedef enum {
	ACCORD_DROP_NONE,
	ACCORD_DROP_BELOW_FLOOR,
	ACCORD_DROP_STALE,
	ACCORD_DROP_EXPIRED,
} AccordDropReason;

/**
 * AccordProfileFilter:
 * @min_confidence: the weakest confidence that counts; %ACCORD_CONFIDENCE_LOW keeps every fact
 * @max_age_years: the oldest evidence that counts, in whole years before @date; 0 for no limit
 * @date: (nullable): the day ages and expiry are measured on, `YYYY-MM-DD`; %NULL for today
 *
 * Which stated facts count (accord_profile_new_filtered()). Evidence past its `expires` date
 * never counts, whatever the filter.
 */
typedef struct {
	AccordConfidence min_confidence;
	guint max_age_years;
	const gchar *date;
} AccordProfileFilter;

/**
 * AccordProfile:
 *
 * One country's stated facts, each typed by the vocabulary and backed by evidence, loaded and
 * validated from a profile file; a fact it does not state is unknown. Immutable and shared by
 * reference (accord_profile_ref()).
 */
typedef struct _AccordProfile AccordProfile;

/**
 * AccordProfileFact:
 *
 * A fact a profile states: its value, confidence, note and evidence. A borrowed, read-only record
 * owned by its #AccordProfile.
 */
typedef struct _AccordProfileFact AccordProfileFact;

/**
 * AccordEvidence:
 *
 * A dated source behind a fact of a profile. A borrowed, read-only record owned by its
 * #AccordProfile.
 */
typedef struct _AccordEvidence AccordEvidence;

/**
 * AccordIndexFigure:
 *
 * A published index figure about a country (e.g. the ITU GCI), for reference: scoring never uses
 * it. A borrowed, read-only record owned by its #AccordProfile.
 */
typedef struct _AccordIndexFigure AccordIndexFigure;

const gchar *
accord_confidence_to_string(AccordConfidence confidence);
gboolean
accord_confidence_from_string(const gchar *text, AccordConfidence *confidence) ACCORD_NON_NULL(2);
const gchar *
accord_drop_reason_to_string(AccordDropReason reason);
void
accord_profile_filter_init(AccordProfileFilter *filter) ACCORD_NON_NULL(1);

G_GNUC_WARN_UNUSED_RESULT AccordProfile *
accord_profile_load_file(const gchar *path, const AccordVocabulary *vocab, GError **error)
    ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordProfile *
accord_profile_load_data(const gchar *data,
			 gsize len,
			 const gchar *name,
			 const AccordVocabulary *vocab,
			 GError **error) ACCORD_NON_NULL(1, 4);
AccordProfile *
accord_profile_ref(const AccordProfile *self) ACCORD_NON_NULL(1);
void
accord_profile_unref(AccordProfile *self);

const gchar *
accord_profile_get_country(const AccordProfile *self) ACCORD_NON_NULL(1);
const gchar *
accord_profile_get_id(const AccordProfile *self) ACCORD_NON_NULL(1);
const gchar *
accord_profile_get_name(const AccordProfile *self) ACCORD_NON_NULL(1);
const gchar *
accord_profile_get_as_of(const AccordProfile *self) ACCORD_NON_NULL(1);
const gchar *
accord_profile_get_filename(const AccordProfile *self) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordProfile *
accord_profile_new_with_assumptions(const AccordProfile *base,
				    const gchar *const *assumptions,
				    GError **error) ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordProfile *
accord_profile_new_filtered(const AccordProfile *base,
			    const AccordProfileFilter *filter,
			    GError **error) ACCORD_NON_NULL(1, 2);
const AccordProfileFilter *
accord_profile_get_filter(const AccordProfile *self) ACCORD_NON_NULL(1);
guint
accord_profile_get_n_dropped(const AccordProfile *self) ACCORD_NON_NULL(1);
const AccordProfileFact *
accord_profile_get_dropped(const AccordProfile *self, guint index) ACCORD_NON_NULL(1);
const AccordProfileFact *
accord_profile_lookup_dropped(const AccordProfile *self, const gchar *key) ACCORD_NON_NULL(1, 2);
const AccordVocabulary *
accord_profile_get_vocabulary(const AccordProfile *self) ACCORD_NON_NULL(1);
guint
accord_profile_get_n_facts(const AccordProfile *self) ACCORD_NON_NULL(1);
guint
accord_profile_count_facts(const AccordProfile *self, AccordConfidence confidence)
    ACCORD_NON_NULL(1);
const AccordProfileFact *
accord_profile_get_fact(const AccordProfile *self, guint index) ACCORD_NON_NULL(1);
const AccordProfileFact *
accord_profile_lookup_fact(const AccordProfile *self, const gchar *key) ACCORD_NON_NULL(1, 2);
const AccordProfileFact *
accord_profile_lookup_fact_by_def(const AccordProfile *self, const AccordFactDef *def)
    ACCORD_NON_NULL(1, 2);
guint
accord_profile_get_n_index_figures(const AccordProfile *self) ACCORD_NON_NULL(1);
const AccordIndexFigure *
accord_profile_get_index_figure(const AccordProfile *self, guint index) ACCORD_NON_NULL(1);

const AccordFactDef *
accord_profile_fact_get_def(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
const AccordValue *
accord_profile_fact_get_value(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
const gchar *
accord_profile_fact_get_text(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
AccordConfidence
accord_profile_fact_get_confidence(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
AccordDropReason
accord_profile_fact_get_drop_reason(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
gboolean
accord_profile_fact_is_assumed(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
const gchar *
accord_profile_fact_get_assumed_from(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
const gchar *
accord_profile_fact_get_note(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
guint
accord_profile_fact_get_n_evidence(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
const AccordEvidence *
accord_profile_fact_get_evidence(const AccordProfileFact *fact, guint index) ACCORD_NON_NULL(1);

const AccordEvidence *
accord_profile_fact_get_newest_evidence(const AccordProfileFact *fact) ACCORD_NON_NULL(1);
const gchar *
accord_evidence_get_title(const AccordEvidence *evidence) ACCORD_NON_NULL(1);
const gchar *
accord_evidence_get_href(const AccordEvidence *evidence) ACCORD_NON_NULL(1);
const gchar *
accord_evidence_get_date(const AccordEvidence *evidence) ACCORD_NON_NULL(1);
const gchar *
accord_evidence_get_expires(const AccordEvidence *evidence) ACCORD_NON_NULL(1);

const gchar *
accord_index_figure_get_name(const AccordIndexFigure *figure) ACCORD_NON_NULL(1);
gdouble
accord_index_figure_get_value(const AccordIndexFigure *figure) ACCORD_NON_NULL(1);
guint
accord_index_figure_get_rank(const AccordIndexFigure *figure) ACCORD_NON_NULL(1);
const gchar *
accord_index_figure_get_source(const AccordIndexFigure *figure) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordProfile, accord_profile_unref)

G_END_DECLS
