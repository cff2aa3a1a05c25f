#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <gio/gio.h>
#include <glib.h>

#include "assessment.h"
#include "macros.h"
#include "profile.h"
#include "ruleset.h"
#include "score.h"

G_BEGIN_DECLS

/**
 * AccordUncertainInput:
 * @ACCORD_UNCERTAIN_WEIGHTS: rule and pillar weights, drawn around the nominal ones
 * @ACCORD_UNCERTAIN_AGGREGATION: arithmetic or geometric aggregation of the pillars
 * @ACCORD_UNCERTAIN_UNKNOWN: the unknown policy, drawn from a list
 * @ACCORD_UNCERTAIN_EVIDENCE: each stated fact kept, flipped to a neighbouring value or
 *   dropped to unknown, by its confidence and the age of its evidence
 *
 * The groups of uncertain inputs; each can be switched on or off, and each is one factor of
 * the sensitivity analysis.
 */
typedef enum {
	ACCORD_UNCERTAIN_WEIGHTS,
	ACCORD_UNCERTAIN_AGGREGATION,
	ACCORD_UNCERTAIN_UNKNOWN,
	ACCORD_UNCERTAIN_EVIDENCE,
} AccordUncertainInput;

/* how many #AccordUncertainInput groups there are */
#define ACCORD_N_UNCERTAIN_INPUTS 4

/**
 * AccordWeightDraw:
 * @ACCORD_WEIGHT_DRAW_DIRICHLET: sibling weights drawn together from a Dirichlet
 *   distribution whose mean is the nominal shares, with a concentration
 * @ACCORD_WEIGHT_DRAW_UNIFORM: each weight drawn uniformly within ± a spread of its nominal
 *   value
 *
 * How rule and pillar weights are drawn.
 */
typedef enum {
	ACCORD_WEIGHT_DRAW_DIRICHLET,
	ACCORD_WEIGHT_DRAW_UNIFORM,
} AccordWeightDraw;

/**
 * AccordEvidenceClass:
 * @ACCORD_EVIDENCE_CLASS_HIGH: a fact of high confidence
 * @ACCORD_EVIDENCE_CLASS_MEDIUM: a fact of medium confidence
 * @ACCORD_EVIDENCE_CLASS_LOW: a fact of low confidence
 * @ACCORD_EVIDENCE_CLASS_RECENT: newest evidence at most the recent age before the profile's
 *   as-of date
 * @ACCORD_EVIDENCE_CLASS_DATED: newest evidence older than recent, up to the old age
 * @ACCORD_EVIDENCE_CLASS_OLD: newest evidence older than the old age, or none
 *
 * What the chance of a fact being flipped or dropped depends on: every fact is in one
 * confidence class and one age class, and the two chances combine (docs/scoring.md).
 */
typedef enum {
	ACCORD_EVIDENCE_CLASS_HIGH,
	ACCORD_EVIDENCE_CLASS_MEDIUM,
	ACCORD_EVIDENCE_CLASS_LOW,
	ACCORD_EVIDENCE_CLASS_RECENT,
	ACCORD_EVIDENCE_CLASS_DATED,
	ACCORD_EVIDENCE_CLASS_OLD,
} AccordEvidenceClass;

/* how many #AccordEvidenceClass values there are */
#define ACCORD_N_EVIDENCE_CLASSES 6

/* the width, in points, of the bins score quantiles are read from: each is within half of
 * it of the exact sample quantile (docs/scoring.md) */
#define ACCORD_UNCERTAINTY_SCORE_BIN 0.01

/**
 * AccordProgressFunc:
 * @done: how many model runs are finished
 * @total: how many there are in all
 * @user_data: the data given with the function
 *
 * Called as runs finish, from whichever thread finished them, one call at a time.
 */
typedef void (*AccordProgressFunc)(guint64 done, guint64 total, gpointer user_data);

/**
 * AccordUncertaintyOptions:
 * @inputs: the groups that vary, a mask of `1 << AccordUncertainInput`
 * @weight_draw: how weights are drawn
 * @concentration: the Dirichlet concentration, above 0: larger keeps weights nearer nominal
 * @spread: the uniform draw's half-width, a fraction of each weight in (0, 1)
 * @geometric_probability: the chance a draw aggregates geometrically, in [0, 1]
 * @unknown_policies: the policies drawn from, equally likely, a mask of
 *   `1 << AccordUnknownPolicy`
 * @flip: the chance a fact of each class is flipped to a neighbouring value, in [0, 1]
 * @drop: the chance a fact of each class is dropped to unknown, in [0, 1]; flip + drop ≤ 1
 * @recent_years: evidence at most this many years old is recent
 * @old_years: evidence more than this many years old is old; at least @recent_years
 * @draws: Monte Carlo draws, at least 1
 * @seed: the random seed: the same seed gives the same numbers, whatever @threads
 * @threads: worker threads; 0 for one per processor
 * @top: the k of "the probability of being in the top k", at least 1
 * @sobol_samples: the base sample size N of the sensitivity analysis (N × (k + 2) runs);
 *   0 for none
 * @bootstrap: bootstrap replicates of the sensitivity indices' intervals
 * @progress: (nullable): told as runs finish
 * @progress_data: passed to @progress
 * @draws_output: (nullable): where to write one CSV line per draw (its parameters and the
 *   scores)
 *
 * What an uncertainty analysis draws and how many times. accord_uncertainty_options_init()
 * sets the documented defaults.
 */
typedef struct {
	guint inputs;
	AccordWeightDraw weight_draw;
	gdouble concentration;
	gdouble spread;
	gdouble geometric_probability;
	guint unknown_policies;
	gdouble flip[ACCORD_N_EVIDENCE_CLASSES];
	gdouble drop[ACCORD_N_EVIDENCE_CLASSES];
	gdouble recent_years;
	gdouble old_years;
	guint64 draws;
	guint64 seed;
	guint threads;
	guint top;
	guint sobol_samples;
	guint bootstrap;
	AccordProgressFunc progress;
	gpointer progress_data;
	GOutputStream *draws_output;
} AccordUncertaintyOptions;

/**
 * AccordUncertaintyRow:
 * @profile: the country, as assessed (with any what-if assumptions)
 * @nominal: its score under the nominal options (as `accord score` gives it); NAN if n/a
 * @median: the median of its score over the draws
 * @lower: the 5% quantile of its score
 * @upper: the 95% quantile of its score
 * @not_applicable: the draws in which nothing counted for it (left out of the quantiles)
 * @nominal_rank: its rank under the nominal options (competition ranking, 1 for the best)
 * @median_rank: the median of its rank over the draws
 * @lower_rank: the 5% quantile of its rank (the better end)
 * @upper_rank: the 95% quantile of its rank (the worse end)
 * @top: the share of draws in which it ranks in the top k
 *
 * One country's figures; a read-only record owned by #AccordUncertainty.
 */
typedef struct {
	const AccordProfile *profile;
	gdouble nominal;
	gdouble median;
	gdouble lower;
	gdouble upper;
	guint64 not_applicable;
	guint nominal_rank;
	guint median_rank;
	guint lower_rank;
	guint upper_rank;
	gdouble top;
} AccordUncertaintyRow;

/**
 * AccordRankStability:
 * @median: the median over the draws of Spearman's rho between the draw's ranking and the
 *   nominal one
 * @lower: its 5% quantile
 * @upper: its 95% quantile
 * @same: the share of draws that rank every country exactly as the nominal ranking does
 * @undefined: the draws in which rho is undefined (every country tied)
 *
 * How far the ranking as a whole moves; NAN figures with fewer than 3 countries.
 */
typedef struct {
	gdouble median;
	gdouble lower;
	gdouble upper;
	gdouble same;
	guint64 undefined;
} AccordRankStability;

/**
 * AccordSensitivity:
 * @profile: (nullable): the country whose score this is about; %NULL for the ranking, whose
 *   output is the mean absolute shift of every country's rank from its nominal rank
 * @input: the input group (the factor)
 * @variance: the output's variance over the design's runs
 * @first: the first-order Sobol index: the share of the variance the group causes alone;
 *   NAN when the output does not vary
 * @first_lower: the 5% bootstrap quantile of @first
 * @first_upper: the 95% bootstrap quantile of @first
 * @total: the total-effect Sobol index: the share it causes alone or with the other groups
 * @total_lower: the 5% bootstrap quantile of @total
 * @total_upper: the 95% bootstrap quantile of @total
 *
 * One sensitivity index pair; a read-only record owned by #AccordUncertainty.
 */
typedef struct {
	const AccordProfile *profile;
	AccordUncertainInput input;
	gdouble variance;
	gdouble first;
	gdouble first_lower;
	gdouble first_upper;
	gdouble total;
	gdouble total_lower;
	gdouble total_upper;
} AccordSensitivity;

/**
 * AccordSensitivityDesign:
 * @samples: the base sample size N
 * @factors: the number of groups that vary, k
 * @runs: the model runs, N × (k + 2)
 * @units: the units the bootstrap resamples (consecutive samples grouped)
 * @replicates: the bootstrap replicates
 *
 * The Saltelli design that was run.
 */
typedef struct {
	guint samples;
	guint factors;
	guint64 runs;
	guint units;
	guint replicates;
} AccordSensitivityDesign;

/**
 * AccordUncertainty:
 *
 * An uncertainty and sensitivity analysis of countries against one ruleset
 * (accord_uncertainty_new()): score and rank intervals over Monte Carlo draws of the
 * uncertain inputs, how far the ranking moves, and Sobol indices. Has a single owner, who
 * frees it with accord_uncertainty_free(); it holds a reference to its ruleset and profiles.
 */
typedef struct _AccordUncertainty AccordUncertainty;

const gchar *
accord_uncertain_input_to_string(AccordUncertainInput input);
gboolean
accord_uncertain_input_from_string(const gchar *text, AccordUncertainInput *input);
const gchar *
accord_weight_draw_to_string(AccordWeightDraw draw);
const gchar *
accord_evidence_class_to_string(AccordEvidenceClass evidence_class);
gboolean
accord_evidence_class_from_string(const gchar *text, AccordEvidenceClass *evidence_class);

void
accord_uncertainty_options_init(AccordUncertaintyOptions *options) ACCORD_NON_NULL(1);
gboolean
accord_uncertainty_options_check(const AccordUncertaintyOptions *options, GError **error)
    ACCORD_NON_NULL(1);

G_GNUC_WARN_UNUSED_RESULT AccordUncertainty *
accord_uncertainty_new(const AccordRuleset *ruleset,
		       const GPtrArray *profiles,
		       const AccordAssessmentOptions *assessment,
		       const AccordUncertaintyOptions *options,
		       GError **error) ACCORD_NON_NULL(1, 2, 3, 4);
void
accord_uncertainty_free(AccordUncertainty *self);

const AccordRuleset *
accord_uncertainty_get_ruleset(const AccordUncertainty *self) ACCORD_NON_NULL(1);
const AccordScoreOptions *
accord_uncertainty_get_score_options(const AccordUncertainty *self) ACCORD_NON_NULL(1);
const AccordUncertaintyOptions *
accord_uncertainty_get_options(const AccordUncertainty *self) ACCORD_NON_NULL(1);
guint
accord_uncertainty_count_facts(const AccordUncertainty *self, AccordEvidenceClass evidence_class)
    ACCORD_NON_NULL(1);
guint
accord_uncertainty_get_n_rows(const AccordUncertainty *self) ACCORD_NON_NULL(1);
const AccordUncertaintyRow *
accord_uncertainty_get_row(const AccordUncertainty *self, guint index) ACCORD_NON_NULL(1);
const AccordUncertaintyRow *
accord_uncertainty_find_row(const AccordUncertainty *self, const gchar *country)
    ACCORD_NON_NULL(1, 2);
const AccordRankStability *
accord_uncertainty_get_stability(const AccordUncertainty *self) ACCORD_NON_NULL(1);
const AccordSensitivityDesign *
accord_uncertainty_get_design(const AccordUncertainty *self) ACCORD_NON_NULL(1);
guint
accord_uncertainty_get_n_sensitivities(const AccordUncertainty *self) ACCORD_NON_NULL(1);
const AccordSensitivity *
accord_uncertainty_get_sensitivity(const AccordUncertainty *self, guint index) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordUncertainty, accord_uncertainty_free)

G_END_DECLS
