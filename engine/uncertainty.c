#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
/* on x86-64 with GCC or clang, a tally's bins are worked out four at a time where the
 * processor has AVX2 (bins_four(), picked at run time) */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(ACCORD_NO_SIMD)
#define USE_WIDE 1
#include <immintrin.h>
#endif

#include "sobol-private.h"
#include "uncertainty-private.h"
#include "util-private.h"

/* The uncertainty and sensitivity analysis (docs/scoring.md, section 15): Monte Carlo draws of
 * the uncertain inputs, summarised per country into score and rank intervals, and a Saltelli
 * design giving each input group's Sobol indices. Draws run on threads in blocks; every
 * figure is a count, a minimum or a maximum, or is merged in block order, so the result is
 * the same whatever the number of threads. Memory is fixed by the number of countries, never
 * by the number of draws */

/* draws per block: what a thread takes at a time, and a batch of runs (AccordRun). With the
 * evidence varying, a batch is scored country by country, and each country's tables (about
 * 80 KB in bench-uncertainty) are fetched once a batch, and each country's bins once a batch:
 * the larger batch fetches them less often (2,048 draws: 1.2 to 1.65 s against 1.64 to 1.8 s
 * for 1,024 in four paired runs of bench-uncertainty, for 7.5 MiB more; 4,096 draws, on an AVX2
 * processor: 0.91 to 1.51 s, median 1.07, against 1.08 to 1.49, median 1.25, in six paired
 * runs, for 9 MiB more). With the evidence fixed, a batch is scored draw by draw and its scores
 * (batch × countries) are read back from the cache: the smaller batch keeps them there */
#define BLOCK_DRAWS	  4096
#define BLOCK_DRAWS_FIXED 256

static guint
block_draws(const AccordModel *m)
{
	return m->options.inputs & (1u << ACCORD_UNCERTAIN_EVIDENCE) ? BLOCK_DRAWS
								     : BLOCK_DRAWS_FIXED;
}

/* scores this close are the same score, as in engine/rank.c: a run re-aggregates in another
 * order than engine/score.c, so it may differ from the nominal score in the last bits */
#define TIE_EPSILON 1e-9

/* score quantiles come from bins of ACCORD_UNCERTAINTY_SCORE_BIN points over (0, 100), plus
 * one bin for exactly 0 and one for exactly 100 (a geometric mean with a pillar at 0, a
 * country meeting everything); Spearman's rho from bins of 1e-4 over [−1, 1), plus one for 1 */
#define SCORE_BINS 10002
#define RHO_BINS   20001
/* a country's bins, then its count of the draws where it had no score: the bin the tally gives
 * a NaN (bins_of()), so that counting a score takes no branch */
#define SCORE_ROW (SCORE_BINS + 1)
/* the fewest draws a block at the end of the draws holds (draw_blocks()) */
#define MIN_TAIL_DRAWS 256

/* the scores whose bins are worked out together (tally_country()) */
#define TALLY_PIECE 256

/* while a country's draws take at most this many distinct scores (one input with a few
 * values, a small model), the tally keeps them exactly and its quantiles are exact */
#define EXACT_VALUES 16

/* the most draws: the bins count in 32 bits */
#define MAX_DRAWS G_MAXUINT32

static const gchar *input_names[] = {"weights", "aggregation", "unknown", "evidence"};
static const gchar *weight_draw_names[] = {"dirichlet", "uniform"};
static const gchar *evidence_class_names[] = {"high", "medium", "low", "recent", "dated", "old"};

/* the default chances of a fact being flipped and dropped, by class (docs/scoring.md) */
static const gdouble default_flip[] = {0.02, 0.05, 0.15, 0, 0.02, 0.05};
static const gdouble default_drop[] = {0.01, 0.05, 0.15, 0, 0.03, 0.10};

struct _AccordUncertainty {
	AccordRuleset *ruleset;
	GPtrArray *profiles; /* AccordProfile*, by row */
	guint *row_country;  /* the model's index of each row's country */
	AccordScoreOptions score;
	AccordUncertaintyOptions options; /* without the stream and the progress function */
	guint fact_counts[ACCORD_N_EVIDENCE_CLASSES];
	GArray *rows; /* AccordUncertaintyRow, by nominal rank */
	AccordRankStability stability;
	AccordSensitivityDesign design;
	GArray *sensitivities; /* AccordSensitivity */
};

/**
 * accord_uncertain_input_to_string:
 * @input: an input group
 *
 * Returns: (transfer none): its name, e.g. `evidence`
 */
const gchar *
accord_uncertain_input_to_string(AccordUncertainInput input)
{
	g_return_val_if_fail(input < G_N_ELEMENTS(input_names), NULL);
	return input_names[input];
}

/**
 * accord_uncertain_input_from_string:
 * @text: a name, e.g. `weights`
 * @input: (out): the input group
 *
 * Returns: %TRUE when @text names an input group
 */
gboolean
accord_uncertain_input_from_string(const gchar *text, AccordUncertainInput *input)
{
	for (guint i = 0; i < G_N_ELEMENTS(input_names); i++) {
		if (g_strcmp0(text, input_names[i]) == 0) {
			*input = i;
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * accord_weight_draw_to_string:
 * @draw: a way of drawing weights
 *
 * Returns: (transfer none): its name, `dirichlet` or `uniform`
 */
const gchar *
accord_weight_draw_to_string(AccordWeightDraw draw)
{
	g_return_val_if_fail(draw < G_N_ELEMENTS(weight_draw_names), NULL);
	return weight_draw_names[draw];
}

/**
 * accord_evidence_class_to_string:
 * @evidence_class: a confidence or age class
 *
 * Returns: (transfer none): its name, e.g. `old`
 */
const gchar *
accord_evidence_class_to_string(AccordEvidenceClass evidence_class)
{
	g_return_val_if_fail(evidence_class < G_N_ELEMENTS(evidence_class_names), NULL);
	return evidence_class_names[evidence_class];
}

/**
 * accord_evidence_class_from_string:
 * @text: a name: high, medium, low, recent, dated or old
 * @evidence_class: (out): the class
 *
 * Returns: %TRUE when @text names a class
 */
gboolean
accord_evidence_class_from_string(const gchar *text, AccordEvidenceClass *evidence_class)
{
	for (guint i = 0; i < G_N_ELEMENTS(evidence_class_names); i++) {
		if (g_strcmp0(text, evidence_class_names[i]) == 0) {
			*evidence_class = i;
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * accord_uncertainty_options_init:
 * @options: (out caller-allocates): options to fill
 *
 * Sets the defaults docs/scoring.md justifies: every input varies; Dirichlet weights with
 * concentration 100 (or ±25% when uniform); geometric aggregation with chance ½; unknown
 * facts scored as zero or excluded, equally likely; the flip and drop chances of each
 * confidence and age class; evidence recent up to 2 years, old after 5; 10,000 draws, seed 1,
 * one thread per processor, top 10; no sensitivity design (N = 0) and 200 bootstrap
 * replicates when there is one.
 */
void
accord_uncertainty_options_init(AccordUncertaintyOptions *options)
{
	g_return_if_fail(options != NULL);
	memset(options, 0, sizeof *options);
	options->inputs = (1u << ACCORD_N_UNCERTAIN_INPUTS) - 1;
	options->weight_draw = ACCORD_WEIGHT_DRAW_DIRICHLET;
	options->concentration = 100;
	options->spread = 0.25;
	options->geometric_probability = 0.5;
	options->unknown_policies = 1u << ACCORD_UNKNOWN_ZERO | 1u << ACCORD_UNKNOWN_EXCLUDE;
	memcpy(options->flip, default_flip, sizeof default_flip);
	memcpy(options->drop, default_drop, sizeof default_drop);
	options->recent_years = 2;
	options->old_years = 5;
	options->draws = 10000;
	options->seed = 1;
	options->top = 10;
	options->bootstrap = 200;
}

static gboolean
usage(GError **error, const gchar *format, ...) G_GNUC_PRINTF(2, 3);

static gboolean
usage(GError **error, const gchar *format, ...)
{
	va_list args;

	va_start(args, format);
	g_propagate_error(error,
			  g_error_new_valist(ACCORD_ERROR, ACCORD_ERROR_USAGE, format, args));
	va_end(args);
	return FALSE;
}

static gboolean
is_probability(gdouble p)
{
	return p >= 0 && p <= 1;
}

static gboolean
check_evidence(const AccordUncertaintyOptions *o, GError **error)
{
	for (guint i = 0; i < ACCORD_N_EVIDENCE_CLASSES; i++) {
		const gchar *name = evidence_class_names[i];

		if (!is_probability(o->flip[i]))
			return usage(
			    error,
			    "the chance of flipping a fact of class %s (--flip %s=P) must be "
			    "a probability in [0, 1], not %g",
			    name,
			    name,
			    o->flip[i]);
		if (!is_probability(o->drop[i]))
			return usage(
			    error,
			    "the chance of dropping a fact of class %s (--drop %s=P) must be "
			    "a probability in [0, 1], not %g",
			    name,
			    name,
			    o->drop[i]);
		if (o->flip[i] + o->drop[i] > 1)
			return usage(
			    error,
			    "the chances of flipping (%g) and dropping (%g) a fact of class %s "
			    "add up to more than 1",
			    o->flip[i],
			    o->drop[i],
			    name);
	}
	if (!(o->recent_years >= 0 && o->old_years >= o->recent_years && isfinite(o->old_years)))
		return usage(error,
			     "the evidence ages (--age-bands RECENT,OLD) must be finite years with "
			     "0 <= RECENT <= OLD, not %g,%g",
			     o->recent_years,
			     o->old_years);
	return TRUE;
}

static gboolean
check_draws(const AccordUncertaintyOptions *o, GError **error)
{
	if (o->draws < 1 || o->draws > MAX_DRAWS)
		return usage(
		    error,
		    "the number of draws (--draws) must be from 1 to %u, not %" G_GUINT64_FORMAT,
		    MAX_DRAWS,
		    o->draws);
	/* reports carry the seed as a number, exact up to 2^53 */
	if (o->seed >= G_GUINT64_CONSTANT(1) << 53)
		return usage(error,
			     "the seed (--seed) must be below 2^53, not %" G_GUINT64_FORMAT,
			     o->seed);
	if (o->top < 1)
		return usage(error, "the k of the top-k probability (--top) must be at least 1");
	if (o->threads > 1024)
		return usage(error, "--threads must be at most 1024, not %u", o->threads);
	if (o->sobol_samples > 0 && (o->bootstrap > 100000 || o->sobol_samples > 10000000))
		return usage(error,
			     "the sensitivity design takes at most 10000000 samples (--sobol) and "
			     "100000 bootstrap replicates (--bootstrap)");
	return TRUE;
}

/**
 * accord_uncertainty_options_check:
 * @options: options
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: %TRUE, or %FALSE with `ACCORD_ERROR_USAGE` for a value out of its range: draws
 *   outside 1 to 2³² − 1, a concentration not above 0, a spread outside [0, 1), a probability
 *   outside [0, 1], flip and drop chances of a class adding up to more than 1, no unknown
 *   policy, unknown input bits
 */
gboolean
accord_uncertainty_options_check(const AccordUncertaintyOptions *o, GError **error)
{
	g_return_val_if_fail(o != NULL, FALSE);
	if (o->inputs >= 1u << ACCORD_N_UNCERTAIN_INPUTS)
		return usage(error, "unknown uncertain input groups in the mask %#x", o->inputs);
	if (!(o->concentration > 0 && isfinite(o->concentration)))
		return usage(error,
			     "the Dirichlet concentration (--concentration) must be a finite "
			     "number above 0, not %g",
			     o->concentration);
	if (!(o->spread >= 0 && o->spread < 1))
		return usage(error,
			     "the weight spread (--weight-spread) must be from 0 to under 100%%, "
			     "not %g%%",
			     o->spread * 100);
	if (!is_probability(o->geometric_probability))
		return usage(error,
			     "the chance of geometric aggregation (--geometric) must be a "
			     "probability in [0, 1], not %g",
			     o->geometric_probability);
	if (o->unknown_policies == 0 || o->unknown_policies >= 1u << (ACCORD_UNKNOWN_PASS + 1))
		return usage(error,
			     "the unknown policies to draw from (--unknown-policies) must be some "
			     "of zero, exclude and pass");
	return check_evidence(o, error) && check_draws(o, error);
}

/* ---- what the draws leave: counts, minima and maxima, so merging is exact ---- */

/* a few distinct values and how many draws gave each, kept exactly until there are more */
typedef struct {
	guint n; /* how many; EXACT_VALUES + 1 once there were more */
	gdouble values[EXACT_VALUES];
	guint64 counts[EXACT_VALUES];
} ExactSet;

static void
exact_add(ExactSet *set, gdouble value, guint64 count)
{
	guint i = 0;

	if (set->n > EXACT_VALUES)
		return;
	while (i < set->n && set->values[i] != value)
		i++;
	if (i == EXACT_VALUES) {
		set->n = EXACT_VALUES + 1;
		return;
	}
	if (i == set->n) {
		set->values[i] = value;
		set->n++;
	}
	set->counts[i] += count;
}

/* the union of two sets: more than EXACT_VALUES values when either had, or both together */
static void
exact_merge(ExactSet *into, const ExactSet *set)
{
	if (set->n > EXACT_VALUES)
		into->n = EXACT_VALUES + 1;
	for (guint i = 0; set->n <= EXACT_VALUES && i < set->n; i++)
		exact_add(into, set->values[i], set->counts[i]);
}

typedef struct {
	const AccordModel *model;
	guint n;	     /* countries */
	guint32 *score_bins; /* n × SCORE_ROW */
	guint32 *rank_bins;  /* n × (n + 1): by position */
	guint64 *at_nominal; /* draws scoring the nominal score (within TIE_EPSILON) */
	gdouble *min;
	gdouble *max;
	ExactSet *exact; /* by country: its distinct scores while few */
	guint32 *rho_bins;
	gdouble rho_min;
	gdouble rho_max;
	ExactSet rho_exact;
	guint64 same;
	guint64 undefined;
} Tally;

static Tally *
tally_new(const AccordModel *m)
{
	Tally *t = g_new0(Tally, 1);
	guint n = m->n_countries;

	t->model = m;
	t->n = n;
	/* zeroed pages are only made resident when a count lands on them: a country's draws
	 * touch the few bins around its score */
	t->score_bins = g_new0(guint32, (gsize)n * SCORE_ROW);
	t->rank_bins = g_new0(guint32, (gsize)n * (n + 1));
	t->at_nominal = g_new0(guint64, n);
	t->min = g_new(gdouble, n);
	t->max = g_new(gdouble, n);
	t->exact = g_new0(ExactSet, n);
	t->rho_bins = g_new0(guint32, RHO_BINS);
	for (guint c = 0; c < n; c++) {
		t->min[c] = INFINITY;
		t->max[c] = -INFINITY;
	}
	t->rho_min = INFINITY;
	t->rho_max = -INFINITY;
	return t;
}

static void
tally_free(Tally *t)
{
	if (t == NULL)
		return;
	g_free(t->score_bins);
	g_free(t->rank_bins);
	g_free(t->at_nominal);
	g_free(t->min);
	g_free(t->max);
	g_free(t->exact);
	g_free(t->rho_bins);
	g_free(t);
}

static void
tally_merge(Tally *into, const Tally *t)
{
	for (gsize i = 0; i < (gsize)t->n * SCORE_ROW; i++)
		into->score_bins[i] += t->score_bins[i];
	for (gsize i = 0; i < (gsize)t->n * (t->n + 1); i++)
		into->rank_bins[i] += t->rank_bins[i];
	for (guint c = 0; c < t->n; c++) {
		into->at_nominal[c] += t->at_nominal[c];
		into->min[c] = MIN(into->min[c], t->min[c]);
		into->max[c] = MAX(into->max[c], t->max[c]);
		exact_merge(&into->exact[c], &t->exact[c]);
	}
	for (guint b = 0; b < RHO_BINS; b++)
		into->rho_bins[b] += t->rho_bins[b];
	exact_merge(&into->rho_exact, &t->rho_exact);
	into->rho_min = MIN(into->rho_min, t->rho_min);
	into->rho_max = MAX(into->rho_max, t->rho_max);
	into->same += t->same;
	into->undefined += t->undefined;
}

/* the bin of a score: 0 for 0 or below, SCORE_BINS − 1 for 100 or above (or NaN), else one
 * of 0.01 point. With no branch, and the quotient taken only of a score within (0, 100) (a
 * NaN or a huge one would not convert), so that a loop of them vectorises (bins_of()) */
static inline guint32
score_bin(gdouble score)
{
	gboolean inside = score > 0 && score < 100;
	guint32 bin =
	    1 + MIN((guint32)((inside ? score : 0) / ACCORD_UNCERTAINTY_SCORE_BIN), SCORE_BINS - 3);

	bin = score < 100 ? bin : SCORE_BINS - 1;
	return score <= 0 ? 0 : bin;
}

/* the middle of a bin, or the value of the two exact bins */
static gdouble
score_bin_value(guint bin)
{
	if (bin == 0)
		return 0;
	if (bin == SCORE_BINS - 1)
		return 100;
	return (bin - 0.5) * ACCORD_UNCERTAINTY_SCORE_BIN;
}

static guint
rho_bin(gdouble rho)
{
	if (!(rho < 1))
		return RHO_BINS - 1;
	return MIN((guint)MAX((rho + 1) * 1e4, 0), RHO_BINS - 2);
}

/* Spearman's rho between the draw's ranking and the nominal one: Pearson's correlation of
 * the average ranks (GSL); exactly 1 when every position is the nominal one */
static void
tally_rho(Tally *t, const AccordRun *run)
{
	const AccordModel *m = run->model;
	gdouble rho;

	if (memcmp(run->positions, m->nominal_positions, m->n_countries * sizeof(guint)) == 0) {
		t->same++;
		rho = 1.0;
	} else {
		rho = accord_run_spearman(run);
	}
	if (isnan(rho)) {
		t->undefined++;
		return;
	}
	t->rho_bins[rho_bin(rho)]++;
	exact_add(&t->rho_exact, rho, 1);
	t->rho_min = MIN(t->rho_min, rho);
	t->rho_max = MAX(t->rho_max, rho);
}

/* the ranking of the run accord_run_rank() last ranked */
static void
tally_ranks(Tally *t, const AccordRun *run)
{
	/* in locals: the counts' stores could otherwise change them, for all the compiler knows */
	guint n = t->n;
	guint32 *restrict row = t->rank_bins;
	const guint *restrict positions = run->positions;

	/* unrolled: the step was a third of the loop */
#pragma GCC unroll 4
	for (guint c = 0; c < n; c++)
		row[(gsize)c * (n + 1) + positions[c]]++;
	if (n >= 3)
		tally_rho(t, run);
}

/* a piece's figures beside its bins: how many of its scores are at the nominal one, and the
 * least and greatest of those that are not NaN (no score is −0, so the order in which they are
 * compared makes no difference) */
typedef struct {
	guint64 at_nominal;
	gdouble low;
	gdouble high;
} Extremes;

/* adds @n tallied scores (bins_of()) to @x, one at a time */
static void
extremes_add(Extremes *x, guint n, const gdouble *tallied, gdouble nominal)
{
	for (guint i = 0; i < n; i++) {
		gdouble s = tallied[i];

		if (isnan(s))
			continue;
		x->at_nominal += s == nominal;
		x->low = MIN(x->low, s);
		x->high = MAX(x->high, s);
	}
}

/* each of @n scores of a country of nominal score @nominal as the tally takes it (@tallied:
 * the nominal score where within 1e-9 of it) and its bin (SCORE_BINS where n/a), one at a time
 * (GCC 12 leaves this loop scalar, with branches: bins_four() does four at a time with AVX2) */
static void
bins_of(guint n,
	const gdouble *restrict scores,
	gdouble nominal,
	guint32 *restrict bins,
	gdouble *restrict tallied)
{
	for (guint i = 0; i < n; i++) {
		gdouble s = fabs(scores[i] - nominal) <= TIE_EPSILON ? nominal : scores[i];

		bins[i] = isnan(s) ? SCORE_BINS : score_bin(s);
		tallied[i] = s;
	}
}

#ifdef USE_WIDE
/* the four lanes of bins_four()'s extremes added to @x */
static inline void __attribute__((target("avx2")))
extremes_add_four(Extremes *x, __m256d low, __m256d high, __m256i at_nominal)
{
	gdouble l[4], h[4];
	guint64 k[4];

	_mm256_storeu_pd(l, low);
	_mm256_storeu_pd(h, high);
	_mm256_storeu_si256((__m256i *)k, at_nominal);
	for (guint i = 0; i < 4; i++) {
		x->at_nominal += k[i];
		x->low = MIN(x->low, l[i]);
		x->high = MAX(x->high, h[i]);
	}
}

/* bins_of() for four scores with AVX2, the same operations (the division, the truncation,
 * the bounds and the selects) on four at a time: GCC 12 left bins_of()'s loop scalar, with a
 * branch for each bound. Returns how many it did (a multiple of four) */
static guint __attribute__((target("avx2"))) bins_four(guint n,
						       const gdouble *restrict scores,
						       gdouble nominal,
						       guint32 *restrict bins,
						       gdouble *restrict tallied,
						       Extremes *extremes)
{
	__m256d low = _mm256_set1_pd(extremes->low), high = _mm256_set1_pd(extremes->high);
	__m256i at_nominal = _mm256_setzero_si256();
	const __m256d at = _mm256_set1_pd(nominal), zero = _mm256_setzero_pd();
	const __m256d top = _mm256_set1_pd(100), bin = _mm256_set1_pd(ACCORD_UNCERTAINTY_SCORE_BIN);
	const __m256d magnitude = _mm256_castsi256_pd(_mm256_set1_epi64x(G_MAXINT64));
	const __m128i last = _mm_set1_epi32(SCORE_BINS - 3), one = _mm_set1_epi32(1);
	guint i = 0;

	for (; i + 4 <= n; i += 4) {
		__m256d x = _mm256_loadu_pd(scores + i);
		__m256d near = _mm256_cmp_pd(_mm256_and_pd(_mm256_sub_pd(x, at), magnitude),
					     _mm256_set1_pd(TIE_EPSILON),
					     _CMP_LE_OQ);
		__m256d s = _mm256_blendv_pd(x, at, near);
		__m256d below_top = _mm256_cmp_pd(s, top, _CMP_LT_OQ);
		__m256d inside = _mm256_and_pd(_mm256_cmp_pd(s, zero, _CMP_GT_OQ), below_top);
		__m128i b = _mm256_cvttpd_epi32(_mm256_div_pd(_mm256_and_pd(s, inside), bin));
		/* the bounds as 32-bit lanes: each 64-bit mask's low half */
		__m128i pack = _mm_setr_epi32(0, 2, 4, 6);

		b = _mm_add_epi32(_mm_min_epi32(b, last), one);
		b = _mm_blendv_epi8(_mm_set1_epi32(SCORE_BINS - 1),
				    b,
				    _mm256_castsi256_si128(
					_mm256_permutevar8x32_epi32(_mm256_castpd_si256(below_top),
								    _mm256_castsi128_si256(pack))));
		b = _mm_andnot_si128(_mm256_castsi256_si128(_mm256_permutevar8x32_epi32(
					 _mm256_castpd_si256(_mm256_cmp_pd(s, zero, _CMP_LE_OQ)),
					 _mm256_castsi128_si256(pack))),
				     b);
		b = _mm_blendv_epi8(b,
				    _mm_set1_epi32(SCORE_BINS),
				    _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(
					_mm256_castpd_si256(_mm256_cmp_pd(s, s, _CMP_UNORD_Q)),
					_mm256_castsi128_si256(pack))));
		_mm_storeu_si128((__m128i *)(bins + i), b);
		_mm256_storeu_pd(tallied + i, s);
		/* the extremes of those that are not NaN, as extremes_add() takes them: a NaN
		 * lane compares as the bound it is taken against, which changes no extreme (and a
		 * comparison with NaN is false, so min and max keep the other operand's lane only
		 * where it is not NaN: the bound goes second) */
		low = _mm256_min_pd(s, low);
		high = _mm256_max_pd(s, high);
		at_nominal =
		    _mm256_sub_epi64(at_nominal,
				     _mm256_castpd_si256(_mm256_cmp_pd(s, at, _CMP_EQ_OQ)));
	}
	extremes_add_four(extremes, low, high, at_nominal);
	return i;
}
#endif

/* at most TALLY_PIECE scores of country @c, in any order: their bins worked out first
 * (bins_of()), then counted, the country's figures in registers meanwhile */
static void
tally_piece(Tally *t, guint c, const gdouble *scores, guint n)
{
	gdouble nominal = t->model->countries[c].nominal;
	guint32 *restrict bins = t->score_bins + (gsize)c * SCORE_ROW;
	ExactSet *exact = &t->exact[c];
	Extremes x = {0, t->min[c], t->max[c]};
	guint32 bin[TALLY_PIECE];
	gdouble tallied[TALLY_PIECE];
	guint done = 0, i;

#ifdef USE_WIDE
	if (accord_evidence_widest_group() >= 2)
		done = bins_four(n, scores, nominal, bin, tallied, &x);
#endif
	bins_of(n - done, scores + done, nominal, bin + done, tallied + done);
	extremes_add(&x, n - done, tallied + done, nominal);
	/* a country's bins (40 KB) are mostly out of the cache when its scores come: each bin is
	 * fetched sixteen scores ahead, so that the fetches overlap (the tally took a third less
	 * time) */
	for (i = 0; i < MIN(n, 16); i++)
		__builtin_prefetch(bins + bin[i], 1);
	/* the last sixteen in a loop of their own, with nothing left to fetch */
	for (i = 0; i + 16 < n; i++) {
		__builtin_prefetch(bins + bin[i + 16], 1);
		bins[bin[i]]++;
	}
	for (; i < n; i++)
		bins[bin[i]]++;
	/* the distinct values, while there are few: most countries have more after a few draws */
	for (i = 0; exact->n <= EXACT_VALUES && i < n; i++) {
		if (bin[i] != SCORE_BINS)
			exact_add(exact, tallied[i], 1);
	}
	t->at_nominal[c] += x.at_nominal;
	t->min[c] = x.low;
	t->max[c] = x.high;
}

/* one country's scores in a batch's runs, in any order (AccordRun.scored) */
static void
tally_country(gpointer data, guint c, const gdouble *scores, guint n)
{
	for (guint a = 0; a < n; a += TALLY_PIECE)
		tally_piece(data, c, scores + a, MIN(TALLY_PIECE, n - a));
}

/* every run's scores from their rows: a piece of runs at a time, each country's scores of the
 * piece (eight countries a cache line of each row) copied side by side and tallied */
static void
tally_scores(Tally *t, const AccordRun *run)
{
	gdouble column[TALLY_PIECE];

	for (guint a = 0; a < run->n; a += TALLY_PIECE) {
		guint len = MIN(TALLY_PIECE, run->n - a);

		for (guint c = 0; c < t->n; c++) {
			for (guint i = 0; i < len; i++)
				column[i] = run->scores[(gsize)(a + i) * t->n + c];
			tally_piece(t, c, column, len);
		}
	}
}

/* ---- blocks of runs on threads, finished in block order ---- */

/* the draws' blocks (draw_blocks()): @n_full blocks of @block draws, then the smaller ones at
 * the end, from @tail on */
typedef struct {
	guint block;
	guint n_full;
	guint64 *tail; /* each smaller block's first draw, then the last draw + 1 */
} DrawBlocks;

/* blocks of @block draws while more than 2 × @workers such blocks are left, then blocks of a
 * 2 × @workers-th of what is left (a whole number of chunks, at least MIN_TAIL_DRAWS), so that
 * the workers, taking blocks as they finish them, finish about together: with equal blocks,
 * 100,000 draws in blocks of 2,048 left one of two threads idle for 0.8 of a block at the end.
 * The smaller blocks are at most 2 × @workers × @block / MIN_TAIL_DRAWS, whatever the draws.
 * Each draw has its own seeds and every figure is a count, an extreme or a line of the CSV in
 * draw order, so the blocks change nothing else. Returns how many blocks */
static guint
draw_blocks(guint64 draws, guint block, guint workers, DrawBlocks *b)
{
	guint64 head = 2 * (guint64)workers * block, at;
	guint n_tail;
	g_autoptr(GArray) tail = g_array_new(FALSE, FALSE, sizeof(guint64));

	b->block = block;
	b->n_full = draws > head ? (guint)((draws - head + block - 1) / block) : 0;
	for (at = (guint64)b->n_full * block; at < draws;) {
		guint64 left = draws - at;
		guint64 size = MAX(left / (2 * workers) / ACCORD_CHUNK * ACCORD_CHUNK,
				   MIN(MIN_TAIL_DRAWS, block));

		g_array_append_val(tail, at);
		at += MIN(size, left);
	}
	g_array_append_val(tail, at);
	n_tail = tail->len - 1;
	b->tail = (guint64 *)g_array_free(g_steal_pointer(&tail), FALSE);
	return b->n_full + n_tail;
}

/* the first draw of block @i, or with @i the number of blocks, the number of draws */
static guint64
block_start(const DrawBlocks *b, guint i)
{
	return i < b->n_full ? (guint64)i * b->block : b->tail[i - b->n_full];
}

typedef struct _Runner Runner;

typedef struct {
	Runner *runner;
	AccordRun *run;
	Tally *tally;	  /* Monte Carlo figures */
	GString *lines;	  /* the block's per-draw CSV lines */
	gdouble *outputs; /* a sensitivity sample's runs: (2 + k) × outputs */
	guint64 *seeds;	  /* a batch's: each run's seed of each input group */
	guint64 runs;	  /* in the block being worked */
} Worker;

struct _Runner {
	const AccordModel *model;
	const AccordUncertaintyOptions *options;
	void (*work)(Worker *worker, guint block);
	guint n_blocks;
	guint block;		 /* the most draws a block holds (block_draws()) */
	const DrawBlocks *draws; /* the draws' blocks */
	GMutex lock;
	GCond turn;
	guint next_block;
	guint next_merge;
	guint64 done;
	guint64 total;
	GError *error;
	/* the sensitivity design */
	AccordSobol *sobol;
	guint k;
	AccordUncertainInput factors[ACCORD_N_UNCERTAIN_INPUTS];
	guint n_outputs;
};

/* a block is finished: its CSV lines written in block order, the progress told. Only the
 * CSV needs the order (every other figure is a count, a minimum or a maximum, kept per
 * worker), so without it a worker never waits for another (waiting for the slower one at
 * every block left the two threads of bench-uncertainty idle about a tenth of the time) */
static void
finish_block(Worker *w, guint block)
{
	Runner *r = w->runner;
	GOutputStream *out = r->options->draws_output;

	g_mutex_lock(&r->lock);
	while (out != NULL && r->next_merge != block)
		g_cond_wait(&r->turn, &r->lock);
	if (r->error == NULL && out != NULL && w->lines->len > 0)
		g_output_stream_write_all(out, w->lines->str, w->lines->len, NULL, NULL, &r->error);
	g_string_truncate(w->lines, 0);
	r->done += w->runs;
	if (r->options->progress != NULL)
		r->options->progress(r->done, r->total, r->options->progress_data);
	r->next_merge++;
	g_cond_broadcast(&r->turn);
	g_mutex_unlock(&r->lock);
}

static gpointer
worker_main(gpointer data)
{
	Worker *w = data;
	Runner *r = w->runner;

	for (;;) {
		guint block;

		g_mutex_lock(&r->lock);
		block = r->error != NULL ? r->n_blocks : r->next_block;
		if (block < r->n_blocks)
			r->next_block++;
		g_mutex_unlock(&r->lock);
		if (block >= r->n_blocks)
			return NULL;
		w->runs = 0;
		r->work(w, block);
		finish_block(w, block);
	}
}

/* the calling thread works too; the others are joined before returning */
static gboolean
run_blocks(Runner *r, Worker *workers, guint n_workers, GError **error)
{
	g_autoptr(GPtrArray) threads = g_ptr_array_new();

	g_mutex_init(&r->lock);
	g_cond_init(&r->turn);
	for (guint i = 1; i < n_workers; i++)
		g_ptr_array_add(threads, g_thread_new("accord-draws", worker_main, &workers[i]));
	worker_main(&workers[0]);
	for (guint i = 0; i < threads->len; i++)
		g_thread_join(g_ptr_array_index(threads, i));
	g_mutex_clear(&r->lock);
	g_cond_clear(&r->turn);
	if (r->error == NULL)
		return TRUE;
	g_set_error(error,
		    ACCORD_ERROR,
		    ACCORD_ERROR_WRITE,
		    "cannot write the per-draw CSV: %s",
		    r->error->message);
	g_clear_error(&r->error);
	return FALSE;
}

static guint
count_workers(const AccordUncertaintyOptions *o, guint n_blocks)
{
	guint n = o->threads > 0 ? o->threads : (guint)g_get_num_processors();

	return CLAMP(n, 1, MAX(n_blocks, 1));
}

static Worker *
workers_new(Runner *r, guint n)
{
	Worker *workers = g_new0(Worker, n);

	for (guint i = 0; i < n; i++) {
		workers[i].runner = r;
		workers[i].run = accord_run_new(r->model, r->block);
		/* only the per-draw CSV shows a draw's flips and drops */
		workers[i].run->count_changes = r->options->draws_output != NULL;
		workers[i].lines = g_string_new(NULL);
		workers[i].seeds = g_new0(guint64, (gsize)r->block * ACCORD_N_UNCERTAIN_INPUTS);
	}
	return workers;
}

static void
workers_free(Worker *workers, guint n)
{
	for (guint i = 0; i < n; i++) {
		accord_run_free(workers[i].run);
		tally_free(workers[i].tally);
		g_string_free(workers[i].lines, TRUE);
		g_free(workers[i].outputs);
		g_free(workers[i].seeds);
	}
	g_free(workers);
}

/* ---- the Monte Carlo draws ---- */

static void
append_number(GString *out, gdouble x)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append_c(out, ',');
	if (!isnan(x))
		g_string_append(out, g_ascii_dtostr(buf, sizeof buf, x));
}

/* one CSV line: the draw, what it drew (the weights as used: only their ratios among
 * siblings matter), every country's score and rank */
static void
append_line(GString *out, guint64 draw, const AccordRun *run, guint i)
{
	const AccordModel *m = run->model;
	const gdouble *pillar_weights = run->pillar_weights + (gsize)i * m->n_pillars;
	const gdouble *rule_weights = run->rule_weights + (gsize)i * m->n_rules;

	g_string_append_printf(out,
			       "%" G_GUINT64_FORMAT ",%s,%s,%u,%u",
			       draw,
			       accord_aggregation_to_string(run->aggregation[i]),
			       accord_unknown_policy_to_string(run->unknown[i]),
			       run->flipped[i],
			       run->dropped[i]);
	for (guint p = 0; p < m->n_pillars; p++)
		append_number(out, pillar_weights[p]);
	for (guint r = 0; r < m->n_rules; r++)
		append_number(out, rule_weights[r]);
	for (guint c = 0; c < m->n_countries; c++)
		append_number(out, run->scores[(gsize)i * m->n_countries + c]);
	for (guint c = 0; c < m->n_countries; c++)
		g_string_append_printf(out, ",%u", run->positions[c]);
	g_string_append_c(out, '\n');
}

/* a block of draws, in one batch; each draw ranked and written in turn */
static void
work_draws(Worker *w, guint block)
{
	const Runner *r = w->runner;
	guint64 first = block_start(r->draws, block);
	guint n = (guint)(block_start(r->draws, block + 1) - first);
	guint64 *seeds = w->seeds;

	for (guint d = 0; d < n; d++) {
		for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++)
			seeds[d * ACCORD_N_UNCERTAIN_INPUTS + i] =
			    accord_run_seed(r->options->seed, 0, first + d, i);
	}
	/* without the per-draw CSV, which writes each draw's scores in draw order, the order in
	 * which the draws are tallied and ranked makes no difference: with the evidence drawn,
	 * each country's scores are tallied as they are worked out, and each position ranked
	 * where it was scored */
	w->run->keep_rows = r->options->draws_output != NULL;
	w->run->scored = w->run->keep_rows ? NULL : tally_country;
	w->run->scored_data = w->tally;
	accord_run_draw(w->run, n, seeds);
	if (w->run->in_rows)
		tally_scores(w->tally, w->run);
	for (guint d = 0; d < n; d++) {
		if (w->run->in_rows)
			accord_run_rank(w->run, d, r->model->n_countries >= 3);
		else
			accord_run_rank_position(w->run, d, r->model->n_countries >= 3);
		tally_ranks(w->tally, w->run);
		if (r->options->draws_output != NULL)
			append_line(w->lines, first + d, w->run, d);
	}
	w->runs = n;
}

static gchar *
csv_header(const AccordModel *m)
{
	GString *out = g_string_new("draw,aggregation,unknown,flipped,dropped");

	for (guint p = 0; p < m->n_pillars; p++)
		g_string_append_printf(
		    out,
		    ",pillar:%s",
		    accord_pillar_get_id(accord_ruleset_get_pillar(m->ruleset, p)));
	for (guint r = 0; r < m->n_rules; r++)
		g_string_append_printf(out,
				       ",rule:%s",
				       accord_rule_get_id(accord_ruleset_get_rule(m->ruleset, r)));
	for (guint c = 0; c < m->n_countries; c++)
		g_string_append_printf(out,
				       ",score:%s",
				       accord_profile_get_country(m->countries[c].profile));
	for (guint c = 0; c < m->n_countries; c++)
		g_string_append_printf(out,
				       ",rank:%s",
				       accord_profile_get_country(m->countries[c].profile));
	g_string_append_c(out, '\n');
	return g_string_free(out, FALSE);
}

/* every draw, tallied; the tallies of the workers merged (counts add, extremes compare) */
static Tally *
run_draws(const AccordModel *m, const AccordUncertaintyOptions *o, guint64 total, GError **error)
{
	Runner r = {m, o, work_draws, 0, block_draws(m)};
	DrawBlocks blocks;
	guint n;
	Worker *workers;
	Tally *tally = NULL;
	gboolean ok;

	n = count_workers(o, (guint)((o->draws + r.block - 1) / r.block));
	r.n_blocks = draw_blocks(o->draws, r.block, n, &blocks);
	r.draws = &blocks;
	workers = workers_new(&r, n);
	r.total = total;
	for (guint i = 0; i < n; i++)
		workers[i].tally = tally_new(m);
	if (o->draws_output != NULL) {
		g_autofree gchar *header = csv_header(m);

		g_output_stream_write_all(o->draws_output,
					  header,
					  strlen(header),
					  NULL,
					  NULL,
					  &r.error);
	}
	/* a failed header leaves every block unclaimed: run_blocks() only reports it */
	ok = run_blocks(&r, workers, n, error);
	if (ok) {
		tally = g_steal_pointer(&workers[0].tally);
		for (guint i = 1; i < n; i++)
			tally_merge(tally, workers[i].tally);
	}
	workers_free(workers, n);
	g_free(blocks.tail);
	return tally;
}

/* ---- summaries ---- */

/* the rank of the draw a quantile is: the smallest count with at least pct% of n draws at
 * or below it (the inverse of the empirical distribution function) */
static guint64
quantile_count(guint64 n, guint pct)
{
	return MAX(1, (pct * n + 99) / 100);
}

/* a score quantile: found in its bin, then the bin's middle (0 and 100 for their own bins), or
 * the nominal score when every draw in the bin scored that (within 1e-9); never outside the
 * range the draws covered. So it is within half a bin of the exact sample quantile, and exact
 * when the draws agree */
static gint
compare_scores(gconstpointer a, gconstpointer b)
{
	gdouble x = *(const gdouble *)a, y = *(const gdouble *)b;

	return (x > y) - (x < y);
}

/* the exact quantile, from the few distinct values the draws gave */
static gdouble
exact_quantile(const ExactSet *set, guint pct)
{
	gdouble pairs[2 * EXACT_VALUES];
	guint64 total = 0, seen = 0, target;
	guint i = 0;

	for (guint k = 0; k < set->n; k++) {
		pairs[2 * k] = set->values[k];
		pairs[2 * k + 1] = (gdouble)set->counts[k];
		total += set->counts[k];
	}
	qsort(pairs, set->n, 2 * sizeof(gdouble), compare_scores);
	target = quantile_count(total, pct);
	while ((seen += (guint64)pairs[2 * i + 1]) < target)
		i++;
	return pairs[2 * i];
}

/* a quantile's score from its bin @b: the bin's middle, or the nominal score where every score
 * in the bin was it, within the extremes */
static gdouble
bin_score(const Tally *t, guint c, guint b, gdouble nominal)
{
	const guint32 *bins = t->score_bins + (gsize)c * SCORE_ROW;
	gdouble value = score_bin_value(b);

	if (!isnan(nominal) && b == score_bin(nominal) && bins[b] == t->at_nominal[c])
		value = nominal;
	return CLAMP(value, t->min[c], t->max[c]);
}

/* the @n_pct quantiles @pct (percentages, ascending) of country @c's scores into @out, in one
 * pass over its bins after the one that counts them (NAN where there was no score) */
static void
score_quantiles(const Tally *t,
		guint c,
		gdouble nominal,
		const guint *pct,
		guint n_pct,
		gdouble *out)
{
	const guint32 *bins = t->score_bins + (gsize)c * SCORE_ROW;
	guint64 n = 0, seen = 0;
	/* the bins the scores filled lie from the lowest score's to the highest's (none when
	 * there was no score: the lowest is then +∞, whose bin is the last) */
	guint b = score_bin(t->min[c]), last = score_bin(t->max[c]);

	for (guint i = b; i <= last; i++)
		n += bins[i];
	for (guint k = 0; k < n_pct; k++) {
		guint64 target = quantile_count(n, pct[k]);

		if (n == 0) {
			out[k] = NAN;
			continue;
		}
		if (t->exact[c].n <= EXACT_VALUES) {
			out[k] = exact_quantile(&t->exact[c], pct[k]);
			continue;
		}
		/* the bin where the count first reaches the target; the next quantile's is this
		 * one or a later one */
		while (seen + bins[b] < target)
			seen += bins[b++];
		out[k] = bin_score(t, c, b, nominal);
	}
}

static guint
rank_quantile(const Tally *t, guint c, guint pct, guint64 draws)
{
	const guint32 *bins = t->rank_bins + (gsize)c * (t->n + 1);
	guint64 target = quantile_count(draws, pct), seen = 0;
	guint position = 0;

	while ((seen += bins[position]) < target)
		position++;
	return position;
}

static gdouble
rho_quantile(const Tally *t, guint pct, guint64 n)
{
	guint64 target = quantile_count(n, pct), seen = 0;
	guint b = 0;

	if (t->rho_exact.n <= EXACT_VALUES)
		return exact_quantile(&t->rho_exact, pct);
	while ((seen += t->rho_bins[b]) < target)
		b++;
	return CLAMP(b == RHO_BINS - 1 ? 1.0 : -1 + (b + 0.5) * 1e-4, t->rho_min, t->rho_max);
}

static AccordUncertaintyRow
summarise(const AccordModel *m, const Tally *t, guint c, guint64 draws, guint top)
{
	AccordUncertaintyRow row = {NULL, m->countries[c].nominal};
	guint64 in_top = 0;
	const guint pct[] = {5, 50, 95};
	gdouble quantiles[G_N_ELEMENTS(pct)];

	score_quantiles(t, c, row.nominal, pct, G_N_ELEMENTS(pct), quantiles);
	row.lower = quantiles[0];
	row.median = quantiles[1];
	row.upper = quantiles[2];
	row.not_applicable = t->score_bins[(gsize)c * SCORE_ROW + SCORE_BINS];
	row.nominal_rank = m->nominal_positions[c];
	row.median_rank = rank_quantile(t, c, 50, draws);
	row.lower_rank = rank_quantile(t, c, 5, draws);
	row.upper_rank = rank_quantile(t, c, 95, draws);
	for (guint p = 1; p <= MIN(top, t->n); p++)
		in_top += t->rank_bins[(gsize)c * (t->n + 1) + p];
	row.top = (gdouble)in_top / (gdouble)draws;
	return row;
}

static void
keep_rows(AccordUncertainty *self, const AccordModel *m, const Tally *t)
{
	guint64 draws = self->options.draws;
	guint64 defined = draws - t->undefined;

	for (guint i = 0; i < m->n_countries; i++) {
		guint c = self->row_country[i];
		AccordUncertaintyRow row = summarise(m, t, c, draws, self->options.top);

		row.profile = g_ptr_array_index(self->profiles, i);
		g_array_append_val(self->rows, row);
	}
	self->stability = (AccordRankStability){NAN, NAN, NAN, NAN, t->undefined};
	if (m->n_countries < 3)
		return;
	self->stability.same = (gdouble)t->same / (gdouble)draws;
	if (defined == 0)
		return;
	self->stability.median = rho_quantile(t, 50, defined);
	self->stability.lower = rho_quantile(t, 5, defined);
	self->stability.upper = rho_quantile(t, 95, defined);
}

static void
keep_sensitivities(AccordUncertainty *self,
		   const AccordModel *m,
		   const AccordSobol *sobol,
		   const Runner *r)
{
	for (guint i = 0; i < r->n_outputs; i++) {
		/* rows in the order of the score table, then the ranking */
		guint output = i < m->n_countries ? self->row_country[i] : i;

		for (guint f = 0; f < r->k; f++) {
			const AccordSobolIndex *x = accord_sobol_get(sobol, output, f);
			AccordSensitivity s = {
			    i < m->n_countries ? g_ptr_array_index(self->profiles, i) : NULL,
			    r->factors[f],
			    x->variance,
			    x->first,
			    x->first_lower,
			    x->first_upper,
			    x->total,
			    x->total_lower,
			    x->total_upper};

			g_array_append_val(self->sensitivities, s);
		}
	}
}

/* ---- the sensitivity design ---- */

/* the mean absolute shift of the ranks from the nominal ranks: the ranking's output */
static gdouble
rank_shift(const AccordRun *run)
{
	const AccordModel *m = run->model;
	gdouble sum = 0;

	for (guint c = 0; c < m->n_countries; c++)
		sum += fabs((gdouble)run->positions[c] - (gdouble)m->nominal_positions[c]);
	return sum / m->n_countries;
}

/* run 0 of a sample is matrix A, run 1 matrix B, run 2 + f matrix A with factor f's inputs
 * from B */
static void
design_seeds(const Runner *r, guint64 sample, guint run, guint64 *seeds)
{
	for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++) {
		gboolean from_b = run == 1 || (run >= 2 && r->factors[run - 2] == i);

		seeds[i] = accord_run_seed(r->options->seed, from_b ? 2 : 1, sample, i);
	}
}

/* the outputs of run @i of the batch: each country's score shifted by its nominal score (so
 * the variance sums stay well conditioned), then the ranking's mean absolute rank shift */
static void
design_outputs(Worker *w, guint i, gdouble *out)
{
	const Runner *r = w->runner;
	const AccordModel *m = r->model;

	for (guint c = 0; c < m->n_countries; c++)
		out[c] = w->run->scores[(gsize)i * m->n_countries + c] -
			 (isnan(m->countries[c].nominal) ? 0 : m->countries[c].nominal);
	if (r->n_outputs > m->n_countries) {
		accord_run_rank(w->run, i, FALSE);
		out[m->n_countries] = rank_shift(w->run);
	}
}

/* a block is a bootstrap unit: its samples in order, a few per batch, by one thread */
static void
work_samples(Worker *w, guint unit)
{
	const Runner *r = w->runner;
	guint first = accord_sobol_get_unit_start(r->sobol, unit);
	guint last = accord_sobol_get_unit_start(r->sobol, unit + 1);
	guint per_batch = MAX(r->block / (r->k + 2), 1);
	guint64 *seeds = w->seeds;

	/* the design's outputs are read from the runs' rows */
	w->run->keep_rows = TRUE;
	w->run->scored = NULL;
	for (guint j = first; j < last; j += per_batch) {
		guint n = MIN(per_batch, last - j);

		for (guint s = 0; s < n; s++) {
			for (guint run = 0; run < r->k + 2; run++)
				design_seeds(r,
					     j + s,
					     run,
					     seeds + (s * (r->k + 2) + run) *
							 ACCORD_N_UNCERTAIN_INPUTS);
		}
		accord_run_draw(w->run, n * (r->k + 2), seeds);
		for (guint s = 0; s < n; s++) {
			for (guint run = 0; run < r->k + 2; run++)
				design_outputs(w,
					       s * (r->k + 2) + run,
					       w->outputs + (gsize)run * r->n_outputs);
			accord_sobol_add(r->sobol, j + s, w->outputs);
		}
		w->runs += n * (r->k + 2);
	}
}

static gboolean
run_design(AccordUncertainty *self,
	   const AccordModel *m,
	   const AccordUncertaintyOptions *o,
	   guint64 done,
	   GError **error)
{
	Runner r = {m, o, work_samples, 0, block_draws(m)};
	g_autoptr(AccordSobol) sobol = NULL;
	Worker *workers;
	guint n;
	gboolean ok;

	for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++) {
		if (o->inputs & (1u << i))
			r.factors[r.k++] = i;
	}
	r.n_outputs = m->n_countries + (m->n_countries >= 2 ? 1 : 0);
	sobol = accord_sobol_new(r.k, r.n_outputs, o->sobol_samples);
	r.sobol = sobol;
	r.n_blocks = accord_sobol_get_n_units(sobol);
	r.done = done;
	r.total = done + (guint64)o->sobol_samples * (r.k + 2);
	n = count_workers(o, r.n_blocks);
	workers = workers_new(&r, n);
	for (guint i = 0; i < n; i++)
		workers[i].outputs = g_new(gdouble, (gsize)(r.k + 2) * r.n_outputs);
	ok = run_blocks(&r, workers, n, error);
	workers_free(workers, n);
	if (!ok)
		return FALSE;
	accord_sobol_finish(sobol, o->bootstrap, accord_run_seed(o->seed, 3, 0, 0));
	self->design = (AccordSensitivityDesign){o->sobol_samples,
						 r.k,
						 (guint64)o->sobol_samples * (r.k + 2),
						 accord_sobol_get_n_units(sobol),
						 o->bootstrap};
	keep_sensitivities(self, m, sobol, &r);
	return TRUE;
}

/* ---- the analysis ---- */

static gboolean
check_request(const GPtrArray *profiles,
	      const AccordAssessmentOptions *assessment,
	      const AccordUncertaintyOptions *o,
	      GError **error)
{
	if (!accord_uncertainty_options_check(o, error))
		return FALSE;
	if (profiles->len == 0)
		return usage(error, "an uncertainty analysis needs at least one profile");
	if (assessment->score.model != ACCORD_SCORE_MODEL_WEIGHTED)
		return usage(error,
			     "the uncertainty analysis re-aggregates the weighted model; the %s "
			     "model is not supported",
			     accord_score_model_to_string(assessment->score.model));
	if (assessment->waivers != NULL)
		return usage(error, "an uncertainty analysis takes no waivers");
	if (assessment->date != NULL && !accord_parse_date(assessment->date, NULL))
		return usage(error, "the date '%s' is not a day, YYYY-MM-DD", assessment->date);
	if (o->sobol_samples > 0 && o->inputs == 0)
		return usage(error,
			     "the sensitivity analysis needs an input that varies (--vary), and "
			     "none does");
	return TRUE;
}

static gint
compare_countries(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(accord_profile_get_country(*(const AccordProfile *const *)a),
			 accord_profile_get_country(*(const AccordProfile *const *)b));
}

/* the profiles being assessed (assess_all()) */
typedef struct {
	const AccordRuleset *ruleset;
	const GPtrArray *sorted;
	const AccordAssessmentOptions *options;
	AccordAssessment **assessments; /* by country */
	GError **errors;		/* by country */
} Assessing;

static void
assess_one(gpointer data, guint i)
{
	Assessing *a = data;

	a->assessments[i] =
	    accord_assess(a->ruleset, g_ptr_array_index(a->sorted, i), a->options, &a->errors[i]);
}

/* every country assessed as `accord score` would, in country-code order, on up to @threads
 * threads; the error of the first country that has one (given twice, or its assessment's) */
static GPtrArray *
assess_all(const AccordRuleset *ruleset,
	   const GPtrArray *profiles,
	   const AccordAssessmentOptions *options,
	   guint threads,
	   GError **error)
{
	g_autoptr(GPtrArray) sorted = g_ptr_array_new();
	g_autoptr(GPtrArray) assessments =
	    g_ptr_array_new_with_free_func((GDestroyNotify)accord_assessment_unref);
	g_autofree AccordAssessment **each = g_new0(AccordAssessment *, MAX(profiles->len, 1));
	g_autofree GError **errors = g_new0(GError *, MAX(profiles->len, 1));
	Assessing a = {ruleset, sorted, options, each, errors};
	GError *first = NULL;
	guint n = 1;

	/* borrowed pointers: a g_ptr_array_copy() would keep the caller's free function */
	g_ptr_array_extend(sorted, (GPtrArray *)profiles, NULL, NULL);
	g_ptr_array_sort(sorted, compare_countries);
	/* those before the first country given twice */
	while (n < sorted->len && compare_countries(&g_ptr_array_index(sorted, n - 1),
						    &g_ptr_array_index(sorted, n)) != 0)
		n++;
	n = MIN(n, sorted->len);
	accord_parallel_for(n, threads, assess_one, &a);
	for (guint i = 0; i < n; i++) {
		/* in the array, freed with it on an error */
		g_ptr_array_add(assessments, each[i]);
		if (first == NULL)
			first = g_steal_pointer(&errors[i]);
		g_clear_error(&errors[i]);
	}
	if (first != NULL) {
		g_propagate_error(error, first);
		return NULL;
	}
	if (n < sorted->len) {
		usage(error,
		      "country %s is given twice",
		      accord_profile_get_country(g_ptr_array_index(sorted, n)));
		return NULL;
	}
	return g_steal_pointer(&assessments);
}

/* rows by nominal rank, ties in country-code order */
static void
order_rows(AccordUncertainty *self, const AccordModel *m, const GPtrArray *assessments)
{
	self->row_country = g_new(guint, m->n_countries);
	for (guint i = 0; i < m->n_countries; i++) {
		guint c = i, j = i;

		while (j > 0 &&
		       m->nominal_positions[self->row_country[j - 1]] > m->nominal_positions[c]) {
			self->row_country[j] = self->row_country[j - 1];
			j--;
		}
		self->row_country[j] = c;
	}
	for (guint i = 0; i < m->n_countries; i++)
		g_ptr_array_add(self->profiles,
				accord_profile_ref(m->countries[self->row_country[i]].profile));
}

static AccordUncertainty *
uncertainty_new(const AccordRuleset *ruleset,
		const AccordModel *m,
		const AccordUncertaintyOptions *options,
		const GPtrArray *assessments)
{
	AccordUncertainty *self = g_new0(AccordUncertainty, 1);

	self->ruleset = accord_ruleset_ref(ruleset);
	self->profiles = g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	self->score = m->score;
	if (self->score.tailoring != NULL)
		self->score.tailoring = accord_tailoring_ref(self->score.tailoring);
	self->options = *options;
	self->options.draws_output = NULL;
	self->options.progress = NULL;
	self->options.progress_data = NULL;
	self->rows = g_array_new(FALSE, FALSE, sizeof(AccordUncertaintyRow));
	self->sensitivities = g_array_new(FALSE, FALSE, sizeof(AccordSensitivity));
	for (guint i = 0; i < ACCORD_N_EVIDENCE_CLASSES; i++)
		self->fact_counts[i] = accord_model_count_facts(m, i);
	order_rows(self, m, assessments);
	return self;
}

/**
 * accord_uncertainty_new:
 * @ruleset: (transfer none): the ruleset
 * @profiles: (element-type AccordProfile): the countries, each once
 * @assessment: how to assess them nominally: the weighted model, any aggregation, unknown
 *   policy, assumptions and tailoring; no waivers. Its date, when set, is the day evidence is
 *   aged as of (else each profile's as-of date)
 * @options: what varies, how, and how many draws
 * @error: return location for an `ACCORD_ERROR`
 *
 * Scores every country under @options.draws random draws of the uncertain inputs, and, when
 * @options.sobol_samples is above 0, runs a Saltelli design for the Sobol indices. Criteria
 * are evaluated once per state their facts can take; each run re-aggregates those outcomes.
 * The method, and what every figure means, is in docs/scoring.md.
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL with `ACCORD_ERROR_USAGE` (bad
 *   options, a model other than weighted, waivers, a country twice, an input asked to vary
 *   that cannot change any score), `ACCORD_ERROR_WRITE` (the per-draw CSV) or the error of
 *   an assessment
 */
AccordUncertainty *
accord_uncertainty_new(const AccordRuleset *ruleset,
		       const GPtrArray *profiles,
		       const AccordAssessmentOptions *assessment,
		       const AccordUncertaintyOptions *options,
		       GError **error)
{
	g_autoptr(GPtrArray) assessments = NULL;
	g_autoptr(AccordModel) model = NULL;
	g_autoptr(AccordUncertainty) self = NULL;
	Tally *tally;
	guint64 total;

	g_return_val_if_fail(ruleset != NULL && profiles != NULL, NULL);
	g_return_val_if_fail(assessment != NULL && options != NULL, NULL);
	if (!check_request(profiles, assessment, options, error) ||
	    (assessments = assess_all(ruleset, profiles, assessment, options->threads, error)) ==
		NULL ||
	    (model = accord_model_new(ruleset, assessments, assessment->date, options, error)) ==
		NULL ||
	    !accord_model_check_inputs(model, error))
		return NULL;
	self = uncertainty_new(ruleset, model, options, assessments);
	total = options->draws;
	if (options->sobol_samples > 0)
		total += (guint64)options->sobol_samples *
			 (2 + (guint)__builtin_popcount(options->inputs));
	if ((tally = run_draws(model, options, total, error)) == NULL)
		return NULL;
	keep_rows(self, model, tally);
	tally_free(tally);
	if (options->sobol_samples > 0 && !run_design(self, model, options, options->draws, error))
		return NULL;
	return g_steal_pointer(&self);
}

/**
 * accord_uncertainty_free:
 * @self: (nullable) (transfer full): an analysis
 */
void
accord_uncertainty_free(AccordUncertainty *self)
{
	if (self == NULL)
		return;
	accord_ruleset_unref(self->ruleset);
	if (self->score.tailoring != NULL)
		accord_tailoring_unref((AccordTailoring *)self->score.tailoring);
	g_ptr_array_unref(self->profiles);
	g_free(self->row_country);
	g_array_unref(self->rows);
	g_array_unref(self->sensitivities);
	g_free(self);
}

/**
 * accord_uncertainty_get_ruleset:
 * @self: an analysis
 *
 * Returns: (transfer none): the ruleset scored
 */
const AccordRuleset *
accord_uncertainty_get_ruleset(const AccordUncertainty *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->ruleset;
}

/**
 * accord_uncertainty_get_score_options:
 * @self: an analysis
 *
 * Returns: (transfer none): the nominal score options (model, aggregation, unknown policy,
 *   tailoring)
 */
const AccordScoreOptions *
accord_uncertainty_get_score_options(const AccordUncertainty *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->score;
}

/**
 * accord_uncertainty_get_options:
 * @self: an analysis
 *
 * Returns: (transfer none): the options it ran with (without the progress function and the
 *   per-draw stream)
 */
const AccordUncertaintyOptions *
accord_uncertainty_get_options(const AccordUncertainty *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->options;
}

/**
 * accord_uncertainty_count_facts:
 * @self: an analysis
 * @evidence_class: a confidence or age class
 *
 * Returns: how many facts, over every country, may change in a draw and are in the class
 *   (each fact is in one confidence class and one age class); 0 when evidence does not vary
 */
guint
accord_uncertainty_count_facts(const AccordUncertainty *self, AccordEvidenceClass evidence_class)
{
	g_return_val_if_fail(self != NULL && evidence_class < ACCORD_N_EVIDENCE_CLASSES, 0);
	return self->fact_counts[evidence_class];
}

/**
 * accord_uncertainty_get_n_rows:
 * @self: an analysis
 *
 * Returns: the number of countries
 */
guint
accord_uncertainty_get_n_rows(const AccordUncertainty *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->rows->len;
}

/**
 * accord_uncertainty_get_row:
 * @self: an analysis
 * @index: a row, 0 for the country ranked first nominally
 *
 * Returns: (transfer none): the country's figures
 */
const AccordUncertaintyRow *
accord_uncertainty_get_row(const AccordUncertainty *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->rows->len, NULL);
	return &g_array_index(self->rows, AccordUncertaintyRow, index);
}

/**
 * accord_uncertainty_find_row:
 * @self: an analysis
 * @country: a country code
 *
 * Returns: (transfer none) (nullable): the country's figures, or %NULL if it is not analysed
 */
const AccordUncertaintyRow *
accord_uncertainty_find_row(const AccordUncertainty *self, const gchar *country)
{
	g_return_val_if_fail(self != NULL && country != NULL, NULL);
	for (guint i = 0; i < self->rows->len; i++) {
		const AccordUncertaintyRow *row =
		    &g_array_index(self->rows, AccordUncertaintyRow, i);

		if (g_strcmp0(accord_profile_get_country(row->profile), country) == 0)
			return row;
	}
	return NULL;
}

/**
 * accord_uncertainty_get_stability:
 * @self: an analysis
 *
 * Returns: (transfer none): how far the ranking as a whole moves
 */
const AccordRankStability *
accord_uncertainty_get_stability(const AccordUncertainty *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->stability;
}

/**
 * accord_uncertainty_get_design:
 * @self: an analysis
 *
 * Returns: (transfer none): the sensitivity design that was run; its samples are 0 when
 *   there was none
 */
const AccordSensitivityDesign *
accord_uncertainty_get_design(const AccordUncertainty *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return &self->design;
}

/**
 * accord_uncertainty_get_n_sensitivities:
 * @self: an analysis
 *
 * Returns: the number of index pairs: (countries + 1 for the ranking, with two countries or
 *   more) × the inputs that vary; 0 without a sensitivity design
 */
guint
accord_uncertainty_get_n_sensitivities(const AccordUncertainty *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->sensitivities->len;
}

/**
 * accord_uncertainty_get_sensitivity:
 * @self: an analysis
 * @index: an index pair, by output in row order (the ranking last), then by input
 *
 * Returns: (transfer none): the indices
 */
const AccordSensitivity *
accord_uncertainty_get_sensitivity(const AccordUncertainty *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < self->sensitivities->len, NULL);
	return &g_array_index(self->sensitivities, AccordSensitivity, index);
}
