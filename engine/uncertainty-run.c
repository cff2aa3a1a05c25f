#include "config.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "uncertainty-private.h"

/* One model run: draw the uncertain inputs, then re-aggregate the precomputed criterion
 * outcomes into every country's score with the formulas of engine/score.c */

static gboolean
varies(const AccordModel *m, AccordUncertainInput input)
{
	return (m->options.inputs & (1u << input)) != 0;
}

/* SplitMix64 (Steele, Lea and Flood 2014): a bijective mixer, so distinct inputs give
 * well-spread, distinct seeds */
static guint64
mix(guint64 x)
{
	x += G_GUINT64_CONSTANT(0x9e3779b97f4a7c15);
	x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT(0xbf58476d1ce4e5b9);
	x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT(0x94d049bb133111eb);
	return x ^ (x >> 31);
}

/**
 * accord_run_seed:
 * @seed: the analysis's seed
 * @purpose: 0 for a Monte Carlo draw, 1 and 2 for the sensitivity design's matrices A and B
 * @index: the draw or the sample
 * @input: the input group
 *
 * Every input group of every run has a random stream of its own, seeded from these four
 * numbers alone: a run's inputs never depend on which thread ran it, or on what ran before,
 * and the design can take one group's inputs from B and the others' from A.
 */
guint64
accord_run_seed(guint64 seed, guint purpose, guint64 index, guint input)
{
	return mix(mix(mix(seed) ^ ((guint64)purpose << 32 | input)) ^ index);
}

/**
 * accord_run_new:
 * @model: the model
 * @capacity: the most runs a batch holds
 *
 * Returns: (transfer full): an empty batch of runs
 */
AccordRun *
accord_run_new(const AccordModel *model, guint capacity)
{
	AccordRun *self = g_new0(AccordRun, 1);
	gsize n = MAX(capacity, 1);

	self->model = model;
	self->capacity = (guint)n;
	for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++)
		self->rng[i] = gsl_rng_alloc(gsl_rng_taus2);
	self->evidence = g_new0(guint64, n);
	self->aggregation = g_new0(AccordAggregation, n);
	self->unknown = g_new0(AccordUnknownPolicy, n);
	self->count_changes = TRUE;
	self->flipped = g_new0(guint, n);
	self->dropped = g_new0(guint, n);
	self->pillar_weights = g_new0(gdouble, n * MAX(model->n_pillars, 1));
	self->rule_weights = g_new0(gdouble, n * MAX(model->n_rules, 1));
	self->scores = g_new0(gdouble, n * model->n_countries);
	self->keep_rows = TRUE;
	self->column = g_new0(gdouble, 8 * (gsize)model->n_countries);
	self->block_keys = g_new0(guint32, 8 * accord_round_up(model->n_countries, 8));
	self->order = g_new0(guint, model->n_countries);
	self->buckets = g_new0(guint, ACCORD_RANK_BUCKETS + 2);
	self->positions = g_new0(guint, model->n_countries);
	self->ranks = g_new0(gdouble, model->n_countries);
	self->slot_weights = g_new0(gdouble, n * MAX(model->n_rules, 1));
	self->theta = g_new0(gdouble, MAX(model->n_rules, model->n_pillars) + 1);
	self->country_sums = g_new0(gdouble, 7 * (gsize)model->n_countries);
	/* whole blocks of eight positions, which the AVX2 look-ups read the weights of
	 * (uncertainty-evidence.c, add_looked_up()) */
	self->stride = (guint)accord_round_up(n, 8);
	/* rows a multiple of 4 KB apart (a batch of 4,096 runs: 32 KB) share the caches' sets, so
	 * that a block of positions read down every country's row (accord_run_rank_position())
	 * would evict itself: a cache line more keeps them apart */
	if (self->stride % 512 == 0)
		self->stride += 8;
	self->run_at = g_new0(guint, self->stride);
	self->place_at = g_new0(guint32, accord_round_up(n, ACCORD_CHUNK));
	self->blocks = g_new0(AccordBlockPolicies, accord_round_up(n, ACCORD_CHUNK) / 8);
	self->chunk_policies = g_new0(guint, accord_round_up(n, ACCORD_CHUNK) / ACCORD_CHUNK);
	self->by_country = g_new0(gdouble, (gsize)model->n_countries * self->stride);
	self->rng_state = g_new0(guint32, 4 * accord_round_up(n, ACCORD_CHUNK));
	self->by_slot = g_new0(gdouble, (gsize)MAX(model->n_rules, 1) * self->stride);
	/* each with room for three runs past the last row's end, which score_piece()'s pillar
	 * passes read (uncertainty-evidence.c) */
	self->by_pillar = g_new0(gdouble, (gsize)MAX(model->n_pillars, 1) * self->stride + 4);
	self->columns = g_new0(gdouble, (gsize)3 * MAX(model->n_rules, 1) * ACCORD_CHUNK);
	self->values = g_new0(gdouble, (gsize)MAX(model->n_rules, 1) * ACCORD_CHUNK);
	self->chunk_sums = g_new0(gdouble, 4 * ACCORD_CHUNK + 4);
	self->widest = accord_evidence_widest_group();
	self->numbers = g_new0(guint32,
			       (gsize)(accord_round_up(model->max_units, ACCORD_LANES) +
				       accord_round_up(model->max_facts, ACCORD_LANES)) *
				   ACCORD_CHUNK);
	self->states = g_new0(guint64, (gsize)MAX(model->max_units, 1) * ACCORD_CHUNK);
	self->joint_index = g_new0(guint16, (gsize)MAX(model->n_rules, 1) * ACCORD_CHUNK);
	self->pillar_sums = g_new0(gdouble, 2 * (gsize)MAX(model->n_pillars, 1) * ACCORD_CHUNK + 4);
	self->pillar_counts = g_new0(gdouble, (gsize)MAX(model->n_pillars, 1) * self->stride + 4);
	self->counts_shared = g_new0(gboolean, MAX(model->n_pillars, 1));
	self->lookup_state = g_new0(guint16, (gsize)MAX(model->max_units, 1) * ACCORD_CHUNK);
	self->unit_state = g_new0(guint32, MAX(model->max_units, 1));
	self->touched = g_new0(guint, MAX(model->max_units, 1));
	return self;
}

void
accord_run_free(AccordRun *self)
{
	if (self == NULL)
		return;
	for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++)
		gsl_rng_free(self->rng[i]);
	g_free(self->evidence);
	g_free(self->aggregation);
	g_free(self->unknown);
	g_free(self->flipped);
	g_free(self->dropped);
	g_free(self->pillar_weights);
	g_free(self->rule_weights);
	g_free(self->scores);
	g_free(self->column);
	g_free(self->block_keys);
	g_free(self->by_country);
	g_free(self->place_at);
	g_free(self->blocks);
	g_free(self->order);
	g_free(self->buckets);
	g_free(self->positions);
	g_free(self->ranks);
	g_free(self->slot_weights);
	g_free(self->theta);
	g_free(self->country_sums);
	g_free(self->run_at);
	g_free(self->rng_state);
	g_free(self->by_slot);
	g_free(self->by_pillar);
	g_free(self->columns);
	g_free(self->values);
	g_free(self->chunk_sums);
	g_free(self->numbers);
	g_free(self->states);
	g_free(self->joint_index);
	g_free(self->pillar_sums);
	g_free(self->pillar_counts);
	g_free(self->chunk_policies);
	g_free(self->counts_shared);
	g_free(self->lookup_state);
	g_free(self->unit_state);
	g_free(self->touched);
	g_free(self);
}

/* ---- drawing the inputs ---- */

/* Dirichlet: the siblings' shares together, mean the nominal shares; uniform: each weight
 * within ± spread of its nominal value. Siblings alone in their group keep their weight */
static void
draw_weights(AccordRun *self, guint run)
{
	const AccordModel *m = self->model;
	gsl_rng *rng = self->rng[ACCORD_UNCERTAIN_WEIGHTS];
	gdouble *pillar_weights = self->pillar_weights + (gsize)run * m->n_pillars;
	gdouble *rule_weights = self->rule_weights + (gsize)run * m->n_rules;

	memcpy(pillar_weights, m->pillar_weight, m->n_pillars * sizeof(gdouble));
	memcpy(rule_weights, m->rule_weight, m->n_rules * sizeof(gdouble));
	if (!varies(m, ACCORD_UNCERTAIN_WEIGHTS))
		return;
	for (guint g = 0; g < m->n_groups; g++) {
		const AccordWeightGroup *group = &m->groups[g];
		gdouble *weights = group->pillars ? pillar_weights : rule_weights;

		if (m->options.weight_draw == ACCORD_WEIGHT_DRAW_DIRICHLET)
			gsl_ran_dirichlet(rng, group->n, group->alpha, self->theta);
		for (guint i = 0; i < group->n; i++) {
			gdouble *w = &weights[group->members[i]];

			if (m->options.weight_draw == ACCORD_WEIGHT_DRAW_DIRICHLET)
				*w = self->theta[i];
			else
				*w *= 1.0 + m->options.spread * (2.0 * gsl_rng_uniform(rng) - 1.0);
		}
	}
}

static void
draw_rules(AccordRun *self, guint run)
{
	const AccordModel *m = self->model;

	self->aggregation[run] = m->score.aggregation;
	self->unknown[run] = m->score.unknown;
	if (varies(m, ACCORD_UNCERTAIN_AGGREGATION))
		self->aggregation[run] = gsl_rng_uniform(self->rng[ACCORD_UNCERTAIN_AGGREGATION]) <
						 m->options.geometric_probability
					     ? ACCORD_AGGREGATION_GEOMETRIC
					     : ACCORD_AGGREGATION_ARITHMETIC;
	if (varies(m, ACCORD_UNCERTAIN_UNKNOWN))
		self->unknown[run] =
		    m->policies[gsl_rng_uniform_int(self->rng[ACCORD_UNCERTAIN_UNKNOWN],
						    m->n_policies)];
}

/* ---- re-aggregating ---- */

/* what a criterion adds to its rule's sums: its credit and weight when known, the policy's
 * credit for an unknown one, nothing when not applicable or excluded */
static void
add_term(AccordRuleSum *sum,
	 gdouble outcome,
	 gdouble weight,
	 AccordUnknownPolicy unknown,
	 gint sign)
{
	if (outcome == ACCORD_STATE_NOT_APPLICABLE ||
	    (outcome == ACCORD_STATE_UNKNOWN && unknown == ACCORD_UNKNOWN_EXCLUDE))
		return;
	if (outcome == ACCORD_STATE_UNKNOWN)
		outcome = unknown == ACCORD_UNKNOWN_PASS ? 1.0 : 0.0;
	sum->numerator += sign * weight * outcome;
	sum->denominator += sign * weight;
	sum->counted += sign;
}

/**
 * accord_rule_sum:
 * @model: the model
 * @country: a country of it
 * @rule: a rule index
 * @unknown: the unknown policy
 *
 * Returns: the rule's sums with every fact kept: Σ w·c and Σ w over its counted criteria (an
 *   unknown one counting with the policy's credit), and how many count
 */
AccordRuleSum
accord_rule_sum(const AccordModel *model,
		const AccordCountryModel *country,
		guint rule,
		AccordUnknownPolicy unknown)
{
	AccordRuleSum sum = {0, 0, 0};

	for (guint i = model->rule_start[rule]; i < model->rule_start[rule + 1]; i++)
		add_term(&sum,
			 country->outcomes[country->criteria[i].outcomes],
			 model->criterion_weight[i],
			 unknown,
			 1);
	return sum;
}

/* a pillar's value from its Σ w·value and Σ w (@counted: 1 where it counts, else 0): a pillar
 * that does not count has count and sum 0, so value 0 */
static inline gdouble
pillar_value(gdouble sum, gdouble count, gdouble *counted)
{
	*counted = count > 0;
	return sum / (count + (1.0 - *counted));
}

/* accord_add_pillars() for one pillar: restrict parameters, inlined into each copy */
static inline void
add_pillar(guint n,
	   const gdouble *restrict w,
	   const gdouble *restrict sum,
	   const gdouble *restrict count,
	   gdouble *restrict numerator,
	   gdouble *restrict denominator)
{
	gdouble counted;

	for (guint i = 0; i < n; i++) {
		gdouble value = pillar_value(sum[i], count[i], &counted);
		gdouble weight = w[i] * counted;

		numerator[i] += weight * value;
		denominator[i] += weight;
	}
}

/**
 * accord_add_pillars:
 * @n: how many scores: runs of one country, or countries of one run
 * @n_pillars: how many pillars
 * @pillars: (array length=n_pillars): each pillar's rows of @n: its weight in each score, its
 *   Σ w·value over its rules and its Σ w over the rules that count
 * @numerator: (array length=n): the arithmetic scores' Σ weight × pillar value so far
 * @denominator: (array length=n): their Σ weight over the pillars that count
 *
 * Adds the pillars, in order, to @n arithmetic scores as engine/score.c adds them: a pillar
 * that does not count adds +0, which changes no sum. In arithmetic on 0 and 1 rather than
 * selects, which the compiler would turn into a division on a condition and not vectorise
 * (geometric scores: accord_add_pillars_logs()). All of a piece's pillars in one call, so that
 * its constants and its entry are paid once.
 */
void G_GNUC_NO_INLINE ACCORD_VECTOR_CLONES
accord_add_pillars(guint n,
		   guint n_pillars,
		   const AccordPillarRows *pillars,
		   gdouble *restrict numerator,
		   gdouble *restrict denominator)
{
	for (guint p = 0; p < n_pillars; p++)
		add_pillar(n,
			   pillars[p].w,
			   pillars[p].sum,
			   pillars[p].count,
			   numerator,
			   denominator);
}

/* ---- the logarithm of a pillar ---- */

/* log_positive() takes fdlibm's constants (uncertainty-private.h) */

static inline gdouble
from_bits(guint64 bits)
{
	gdouble x;

	memcpy(&x, &bits, sizeof x);
	return x;
}

static inline guint64
to_bits(gdouble x)
{
	guint64 bits;

	memcpy(&bits, &x, sizeof bits);
	return bits;
}

/* @yes where @mask is all ones, @no where it is 0 */
static inline gdouble
pick(guint64 mask, gdouble yes, gdouble no)
{
	return from_bits((to_bits(yes) & mask) | (to_bits(no) & ~mask));
}

/* the natural logarithm of a positive normal @x (not subnormal, infinite or NaN), within 1 ulp,
 * by fdlibm's method: x = 2^k (1 + f) with √2/2 < 1 + f < √2, and log(1 + f) from s = f/(2 + f).
 * fdlibm has two formulas, f − (hfsq − s (hfsq + R)) and, where f is small enough for it, the
 * cheaper f − s (f − R); a vectorised loop would compute both and pick, so this takes the first,
 * the more accurate, for every f: at most 0.83 ulp from the exact logarithm (logl()) in 20
 * million values of (2e-9, 1.5), against 0.89 for fdlibm's choice, which it differs from in 1%
 * of them. Written so that a loop of them vectorises, which libm's log() does not: k is made a
 * double through its bits rather than converted */
static inline gdouble
log_positive(gdouble x)
{
	guint64 bits = to_bits(x), hx = (bits >> 32) & 0x000fffff;
	/* 1 + f is the mantissa, or half of it when that is above √2, and k one more */
	guint64 i = (hx + 0x95f64) & 0x100000;
	/* (k + 1023) + 2^52 as a double's bits, less 2^52 + 1023: k */
	gdouble dk =
	    from_bits(((bits >> 52) + (i >> 20)) | G_GUINT64_CONSTANT(0x4330000000000000)) -
	    (4503599627370496.0 + 1023.0);
	gdouble f = from_bits(((hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffu)) - 1.0;
	gdouble s = f / (2.0 + f), z = s * s, w = z * z, half_square = 0.5 * f * f;
	gdouble r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));

	return dk * LN2_HI - ((half_square - (s * (half_square + r) + dk * LN2_LO)) - f);
}

/* accord_add_pillars_logs() for one pillar: restrict parameters, inlined into each copy.
 * log_positive() down the row, with 1 in place of the values that are not normal (log 1 is 0,
 * so they add +0); then libm's log() for the rare value below the normal range, worked out
 * again */
static inline void
add_pillar_logs(guint n,
		const gdouble *restrict w,
		const gdouble *restrict sum,
		const gdouble *restrict count,
		gdouble *restrict denominator,
		gdouble *restrict zeros,
		gdouble *restrict log_sum)
{
	/* 64-bit, as the comparisons of doubles are, so that the vectorised loop keeps it in
	 * lanes of 64 bits rather than packing each comparison to 32 */
	guint64 tiny = 0;
	gdouble counted;

	for (guint i = 0; i < n; i++) {
		gdouble value = pillar_value(sum[i], count[i], &counted);
		guint64 normal = (guint64)0 - (guint64)(value >= G_MINDOUBLE);
		guint64 positive = (guint64)0 - (guint64)(value > 0);

		denominator[i] += w[i] * counted;
		zeros[i] += counted * (value <= 0);
		/* above 0 and not normal: below the normal range (a positive value is not NaN),
		 * from the comparison already made */
		tiny |= positive & ~normal;
		log_sum[i] += w[i] * log_positive(pick(normal, value, 1.0));
	}
	for (guint i = 0; tiny && i < n; i++) {
		gdouble value = pillar_value(sum[i], count[i], &counted);

		if (value > 0 && value < G_MINDOUBLE)
			log_sum[i] += w[i] * log(value);
	}
}

/**
 * accord_add_pillars_logs:
 * @n: how many scores
 * @n_pillars: how many pillars
 * @pillars: (array length=n_pillars): each pillar's rows of @n: its weight in each score, its
 *   Σ w·value over its rules and its Σ w over the rules that count
 * @denominator: (array length=n): the geometric scores' Σ weight of the pillars that count
 * @zeros: (array length=n): above 0 where a pillar that counts is at 0
 * @log_sum: (array length=n): their Σ weight × log(value) so far
 *
 * Adds the pillars, in order, to @n geometric scores as engine/score.c adds them: a pillar's
 * weight where it counts to @denominator, whether it is at 0 to @zeros, and w × log(value) to
 * @log_sum where the value is above 0 (nothing where it is 0). log_positive() down each row,
 * which the compiler vectorises in the AVX2 and AVX-512 copies (SSE2 has no 64-bit
 * comparisons), in one pass, with no row of values stored and read back. All of a piece's
 * pillars in one call, so that its constants and its entry are paid once.
 */
void G_GNUC_NO_INLINE ACCORD_VECTOR_CLONES
accord_add_pillars_logs(guint n,
			guint n_pillars,
			const AccordPillarRows *pillars,
			gdouble *restrict denominator,
			gdouble *restrict zeros,
			gdouble *restrict log_sum)
{
	for (guint p = 0; p < n_pillars; p++)
		add_pillar_logs(n,
				pillars[p].w,
				pillars[p].sum,
				pillars[p].count,
				denominator,
				zeros,
				log_sum);
}

/* ---- the exponential of a mean of logarithms ---- */

/* e^x for EXP_REGULAR_LOW < @x < EXP_REGULAR_HIGH, within 1 ulp, by fdlibm's method: x = k ln 2
 * + r with |r| ≤ ½ ln 2, and e^r from a polynomial in r², its exponent then raised by k. As
 * log_positive() is, written so that a loop of them vectorises: k is picked (0 up to ½ ln 2,
 * ±1 up to 1.5 ln 2, else x/ln 2 ± ½ truncated) by masking bits, not by branches; fdlibm's
 * formula for k = 0 gives the same bits as the other with k = 0, since (x c)/(c − 2) is
 * −((x c)/(2 − c)) exactly; and k is added to the exponent from the bits of k + 1.5 × 2^52,
 * whose low bits are k's, rather than converted to an integer */
static inline gdouble
exp_regular(gdouble x)
{
	guint64 bits = to_bits(x), hx = (bits >> 32) & 0x7fffffff;
	gdouble sign = from_bits((bits & G_GUINT64_CONSTANT(0x8000000000000000)) | to_bits(1.0));
	gdouble far = (gdouble)(gint32)(INVLN2 * x + 0.5 * sign);
	guint64 reduced = (guint64)0 - (guint64)(hx > 0x3fd62e42);
	guint64 near = (guint64)0 - (guint64)(hx < 0x3ff0a2b2);
	gdouble dk = pick(reduced, pick(near, sign, far), 0.0);
	gdouble hi = x - dk * LN2_HI, lo = dk * LN2_LO, r = hi - lo, t = r * r;
	gdouble c = r - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
	gdouble y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
	guint64 k = to_bits(dk + 6755399441055744.0);

	/* below 2^−28, 1 + x */
	return pick((guint64)0 - (guint64)(hx < 0x3e300000),
		    1.0 + x,
		    from_bits(to_bits(y) + (k << 52)));
}

/**
 * accord_arithmetic_scores:
 * @n: how many scores
 * @numerator: (array length=n): each score's Σ weight × pillar value
 * @denominator: (array length=n): its Σ weight of the pillars that count
 * @scores: (out) (array length=n): the weighted means, in points
 *
 * 100 × numerator / denominator, NaN where nothing counts (the denominator 0), as engine/score.c
 * makes an arithmetic score: the quotient of every one, then NaN put where nothing counts, in
 * two loops, which the compiler vectorises (one loop's division on a condition it left scalar,
 * since a division may trap).
 */
void G_GNUC_NO_INLINE ACCORD_VECTOR_CLONES
accord_arithmetic_scores(guint n,
			 const gdouble *restrict numerator,
			 const gdouble *restrict denominator,
			 gdouble *restrict scores)
{
	for (guint i = 0; i < n; i++)
		scores[i] = 100.0 * numerator[i] / denominator[i];
	for (guint i = 0; i < n; i++)
		scores[i] = denominator[i] > 0 ? scores[i] : NAN;
}

/**
 * accord_geometric_scores:
 * @n: how many scores
 * @log_sum: (array length=n): each score's Σ weight × log(pillar value)
 * @denominator: (array length=n): its Σ weight of the pillars that count
 * @zeros: (array length=n): above 0 where a pillar that counts is at 0
 * @scores: (out) (array length=n): the weighted geometric means, in points
 *
 * 100 × exp(log_sum / denominator), 0 where a pillar is at 0 and NaN where nothing counts,
 * as engine/score.c makes a geometric score. exp_regular() down the row, which the compiler
 * vectorises in the AVX2 and AVX-512 copies (libm's exp() does not), then libm's exp() for
 * the rare mean outside its arguments (a mean of logarithms of values at most 1 is never
 * above 0, and below −708 only for a score under 10^−305).
 */
void G_GNUC_NO_INLINE ACCORD_VECTOR_CLONES
accord_geometric_scores(guint n,
			const gdouble *restrict log_sum,
			const gdouble *restrict denominator,
			const gdouble *restrict zeros,
			gdouble *restrict scores)
{
	gboolean irregular = FALSE;

	for (guint i = 0; i < n; i++) {
		gdouble x = log_sum[i] / denominator[i];
		guint64 regular =
		    (guint64)0 - (guint64)((x > EXP_REGULAR_LOW) & (x < EXP_REGULAR_HIGH));
		gdouble score = 100.0 * exp_regular(from_bits(to_bits(x) & regular));

		irregular |= regular == 0;
		score = pick((guint64)0 - (guint64)(zeros[i] > 0), 0.0, score);
		scores[i] = pick((guint64)0 - (guint64)(denominator[i] > 0), score, NAN);
	}
	for (guint i = 0; irregular && i < n; i++) {
		gdouble x = log_sum[i] / denominator[i];

		if (denominator[i] > 0 && !(zeros[i] > 0) &&
		    !(x > EXP_REGULAR_LOW && x < EXP_REGULAR_HIGH))
			scores[i] = 100.0 * exp(x);
	}
}

/* rules into pillars, pillars into the overall score, for every country of a run at once:
 * the formulas of engine/score.c (docs/scoring.md section 3) on fractions rather than points,
 * which saves two divisions a rule; a run with the nominal inputs agrees with the nominal
 * score to within 1e-12. @columns holds each slot's values for every country in a row, then
 * each slot's counts (a rule that does not count has value and count 0, so it adds nothing).
 * Every loop but the logarithms' runs down a row with no branch, so the compiler vectorises
 * it; each country's sums still add the same terms in the same order as one country's alone
 * would (a pillar that does not count adds +0, which changes no sum) */
static void
aggregate(AccordRun *self, guint run, const gdouble *columns, gdouble *scores)
{
	const AccordModel *m = self->model;
	guint n = m->n_countries, n_rules = m->n_rules;
	gboolean geometric = self->aggregation[run] == ACCORD_AGGREGATION_GEOMETRIC;
	const gdouble *weights = self->slot_weights + (gsize)run * n_rules;
	const gdouble *pillar_weights = self->pillar_weights + (gsize)run * m->n_pillars;
	gdouble *restrict sum = self->country_sums, *restrict count = sum + n;
	gdouble *restrict numerator = count + n, *restrict denominator = numerator + n;
	gdouble *restrict log_sum = denominator + n, *restrict zeros = log_sum + n;
	gdouble *restrict pillar_weight = zeros + n;

	memset(numerator, 0, 4 * n * sizeof(gdouble));
	for (guint p = 0; p < m->n_pillars; p++) {
		gdouble w = pillar_weights[p];

		memset(sum, 0, 2 * n * sizeof(gdouble));
		for (guint s = m->pillar_slots[p]; s < m->pillar_slots[p + 1]; s++) {
			const gdouble *restrict values = columns + (gsize)s * n;
			const gdouble *restrict counts = columns + (gsize)(n_rules + s) * n;

			for (guint c = 0; c < n; c++) {
				sum[c] += weights[s] * values[c];
				count[c] += weights[s] * counts[c];
			}
		}
		for (guint c = 0; c < n; c++)
			pillar_weight[c] = w;
		if (geometric)
			accord_add_pillars_logs(n,
						1,
						&(AccordPillarRows){pillar_weight, sum, count},
						denominator,
						zeros,
						log_sum);
		else
			accord_add_pillars(n,
					   1,
					   &(AccordPillarRows){pillar_weight, sum, count},
					   numerator,
					   denominator);
	}
	if (geometric) {
		accord_geometric_scores(n, log_sum, denominator, zeros, scores);
		return;
	}
	accord_arithmetic_scores(n, numerator, denominator, scores);
}

/**
 * accord_run_draw:
 * @self: a batch
 * @n: how many runs, at most its capacity
 * @seeds: (array): for each run, each input group's stream seed (accord_run_seed()), n × 4
 *
 * Draws each run's inputs (the groups that do not vary stay nominal) and scores every
 * country in every run. A run's figures depend on its seeds alone.
 */
void
accord_run_draw(AccordRun *self, guint n, const guint64 *seeds)
{
	const AccordModel *m = self->model;
	gboolean evidence = varies(m, ACCORD_UNCERTAIN_EVIDENCE);
	guint n_countries = m->n_countries, n_rules = m->n_rules;

	g_return_if_fail(n <= self->capacity);
	self->n = n;
	for (guint run = 0; run < n; run++) {
		const guint64 *s = seeds + (gsize)run * ACCORD_N_UNCERTAIN_INPUTS;

		for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++) {
			gulong seed = (gulong)(s[i] ^ (s[i] >> 32));

			if (!varies(m, i))
				continue;
			if (i == ACCORD_UNCERTAIN_EVIDENCE)
				self->evidence[run] = s[i];
			else
				gsl_rng_set(self->rng[i], seed);
		}
		self->flipped[run] = self->dropped[run] = 0;
		draw_weights(self, run);
		draw_rules(self, run);
		for (guint slot = 0; slot < n_rules; slot++)
			self->slot_weights[(gsize)run * n_rules + slot] =
			    self->rule_weights[(gsize)run * n_rules + m->slot_rule[slot]];
	}
	self->in_rows = !evidence || self->keep_rows;
	self->column_block = 0;
	if (evidence)
		accord_run_score_evidence(self);
	for (guint run = 0; !evidence && run < n; run++)
		aggregate(self,
			  run,
			  m->columns + 2 * self->unknown[run] * (gsize)n_rules * n_countries,
			  self->scores + (gsize)run * n_countries);
}
