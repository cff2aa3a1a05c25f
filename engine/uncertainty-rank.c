#include "config.h"

#include <math.h>
#include <string.h>
/* on x86-64 with GCC or clang, where the processor has AVX-512, a draw's countries are sorted
 * with a sorting network on vectors of eight (functions built for AVX-512, picked at run time) */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(ACCORD_NO_SIMD)
#define USE_WIDE 1
#include <immintrin.h>
#endif

#include "uncertainty-private.h"

/* A run's ranking: its countries' competition ranks (1, 2, 2, 4) and average ranks, as
 * engine/rank.c ranks scores, and Spearman's rho against the nominal ranking */

/* two scores closer than this are a tie, as in engine/rank.c */
#define TIE_EPSILON 1e-9

/* best first (scores within 1e-9 tied, then by country order: code order), for two scores
 * that are not n/a; a country nothing applies to comes after every other */
static inline gboolean
before(gdouble sa, guint a, gdouble sb, guint b)
{
	return fabs(sa - sb) > TIE_EPSILON ? sa > sb : a < b;
}

static gboolean
same_score(gdouble a, gdouble b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return fabs(a - b) <= TIE_EPSILON;
}

/* bucket 0 holds the best scores (@top), ACCORD_RANK_BUCKETS − 1 the worst (@scale:
 * ACCORD_RANK_BUCKETS − 1 over the range, or 0 when the scores are all within 1e-9),
 * ACCORD_RANK_BUCKETS the n/a */
static guint
bucket_of(gdouble score, gdouble top, gdouble scale)
{
	if (isnan(score))
		return ACCORD_RANK_BUCKETS;
	return (guint)((top - score) * scale);
}

/* the highest of @n scores and (@bottom) the lowest, n/a left out (−G_MAXDOUBLE and
 * G_MAXDOUBLE when every one is n/a), four running maxima and minima side by side */
static gdouble
range_of(const gdouble *scores, guint n, gdouble *bottom)
{
	gdouble top[4] = {-G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE};
	gdouble low[4] = {G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE};
	guint c = 0;

	for (; c + 4 <= n; c += 4) {
		for (guint k = 0; k < 4; k++) {
			top[k] = scores[c + k] > top[k] ? scores[c + k] : top[k];
			low[k] = scores[c + k] < low[k] ? scores[c + k] : low[k];
		}
	}
	for (; c < n; c++) {
		top[0] = scores[c] > top[0] ? scores[c] : top[0];
		low[0] = scores[c] < low[0] ? scores[c] : low[0];
	}
	*bottom = MIN(MIN(low[0], low[1]), MIN(low[2], low[3]));
	return MAX(MAX(top[0], top[1]), MAX(top[2], top[3]));
}

/* the countries best first: a stable counting sort into buckets (so each bucket is in country
 * order), then insertion sort, which only moves countries within their bucket or across the
 * edge of one for scores within 1e-9. Each country's bucket is worked out once */
static void
sort_countries(AccordRun *self, const gdouble *scores, guint n)
{
	guint *restrict order = self->order, *restrict start = self->buckets;
	guint *restrict bucket = self->positions; /* free until the ranks are set */

	gdouble top, bottom, scale;

	/* the buckets span the run's scores (a comparison with NaN is false, so n/a is left out);
	 * four of each, so that the comparisons do not wait for one another (the highest and
	 * lowest are the same whatever the grouping) */
	top = range_of(scores, n, &bottom);
	scale = top - bottom > TIE_EPSILON ? (ACCORD_RANK_BUCKETS - 1) / (top - bottom) : 0;
	memset(start, 0, (ACCORD_RANK_BUCKETS + 2) * sizeof(guint));
	for (guint c = 0; c < n; c++) {
		bucket[c] = bucket_of(scores[c], top, scale);
		start[bucket[c] + 1]++;
	}
	/* each bucket's first place: the sum kept in a register, not read back from the bucket
	 * just written */
	for (guint b = 1, sum = 0; b <= ACCORD_RANK_BUCKETS + 1; b++) {
		sum += start[b];
		start[b] = sum;
	}
	for (guint c = 0; c < n; c++)
		order[start[bucket[c]]++] = c;
	/* the n/a countries are last, in country order, where they stay. The country before the
	 * next one (@last) is kept in registers, so that the comparison (which rarely moves it)
	 * does not wait for what the last step stored: after a move it is still the one before */
	for (guint i = 1, last = order[0]; i < n && !isnan(scores[order[i]]); i++) {
		guint x = order[i], j = i;
		gdouble s = scores[x];

		if (!before(s, x, scores[last], last)) {
			last = x;
			continue;
		}
		do {
			order[j] = order[j - 1];
			j--;
		} while (j > 0 && before(s, x, scores[order[j - 1]], order[j - 1]));
		order[j] = x;
	}
}

#ifdef USE_WIDE
/* ---- a sorting network, eight countries a register ----
 *
 * Where the processor has AVX-512, up to 256 countries are sorted with Batcher's bitonic
 * network (Knuth, TAOCP vol. 3, 5.3.4) on keys made from their scores: each key is the score's
 * bits with its last byte 255 less the country, a double that orders as the score does (for
 * the finite scores of 0 to 100 points, up to a change of 255 units in the last place, far
 * within 1e-9), the lower country first among equal bits, and every key distinct. No branch
 * depends on a score. The sorted countries are then checked: where each score is more than
 * 1e-9 above the next, no two are tied and the order is the only one the comparison sort could
 * give, so the ranks are the places; scores within 1e-9 of the next are made ties where the
 * comparison sort would tie them alike (rank_ties()). Otherwise (n/a, a chain of ties that
 * spans more than 1e-9, an order the last bytes changed) the comparison sort ranks the run, as
 * it does where the network is not used: the same ranks either way. In bench-uncertainty's
 * draws (200 countries, about half of the draws with a tie) the network's ranking took a third
 * less time than the comparison sort's, whose branches on scores are mispredicted, and half
 * once it merged every run the same way round and left out the registers past the countries */

#define WIDE_MAX 256
G_STATIC_ASSERT(WIDE_MAX <= 64 * G_N_ELEMENTS(((AccordRun *)NULL)->block_step[0]));

/* each of eight keys paired with the one @j lanes away (1, 2 or 4) */
static inline __m512d __attribute__((target("avx512f"), always_inline))
lane_partner(__m512d v, guint j)
{
	if (j == 1)
		return _mm512_permutex_pd(v, 0xb1);
	if (j == 2)
		return _mm512_permutex_pd(v, 0x4e);
	return _mm512_shuffle_f64x2(v, v, 0x4e);
}

/* one stage of the network within a register: each lane keeps the larger of itself and its
 * partner @j lanes away, or the smaller where @smaller has its bit */
static inline __m512d __attribute__((target("avx512f"), always_inline))
lane_stage(__m512d v, guint j, __mmask8 smaller)
{
	__m512d t = lane_partner(v, j);

	return _mm512_mask_min_pd(_mm512_max_pd(v, t), smaller, v, t);
}

/* lanes with bit @j of their place set (j = 1, 2, 4): in each pair, the second */
#define LANES_1 0xaa
#define LANES_2 0xcc
#define LANES_4 0xf0

/* the last three stages of a merge, within a register, largest first */
static inline __m512d __attribute__((target("avx512f"), always_inline)) merge_register(__m512d v)
{
	v = lane_stage(v, 4, LANES_4);
	v = lane_stage(v, 2, LANES_2);
	return lane_stage(v, 1, LANES_1);
}

/* a register's eight keys sorted largest first: the bitonic network's first two merges, each
 * pair and quadruple of lanes every other one the other way round (a mask), then the last */
static inline __m512d __attribute__((target("avx512f"), always_inline)) sort_register(__m512d v)
{
	v = lane_stage(v, 1, LANES_1 ^ LANES_2);
	v = lane_stage(v, 2, LANES_2 ^ LANES_4);
	v = lane_stage(v, 1, LANES_1 ^ LANES_4);
	return merge_register(v);
}

/* registers @a and @b compared lane by lane: the larger keys to @a */
static inline void __attribute__((target("avx512f"), always_inline))
exchange(__m512d *x, guint a, guint b)
{
	__m512d high = _mm512_max_pd(x[a], x[b]), low = _mm512_min_pd(x[a], x[b]);

	x[a] = high;
	x[b] = low;
}

/* the @n_vec registers of keys (a power of two, at most 32), of which those from @used on hold
 * only −∞, sorted largest first: each register sorted, then merged in runs of 2, 4 …
 * registers, every run the same way (a run's first step compares each register of its first
 * half with the mirror image of its counterpart in the second, the next steps registers half
 * as far apart, the last three within registers). Every comparison puts the larger key first,
 * so a register of −∞ after the keys never takes one: those comparisons are left out */
static void __attribute__((target("avx512f")))
sort_keys(__m512d *restrict x, guint n_vec, guint used)
{
	const __m512i mirror = _mm512_setr_epi64(7, 6, 5, 4, 3, 2, 1, 0);

	for (guint a = 0; a < used; a++)
		x[a] = sort_register(x[a]);
	for (guint run = 2; run <= n_vec; run <<= 1) {
		for (guint first = 0; first < used; first += run) {
			/* from the middle out, so that the first counterpart past the keys ends it
			 */
			for (guint a = first + run / 2 - 1, b = first + run / 2;
			     b < first + run && b < used;
			     a--, b++) {
				__m512d other = _mm512_permutexvar_pd(mirror, x[b]);

				x[b] = _mm512_permutexvar_pd(mirror, _mm512_min_pd(x[a], other));
				x[a] = _mm512_max_pd(x[a], other);
			}
		}
		for (guint j = run / 4; j > 0; j /= 2) {
			for (guint first = 0; first < used; first += 2 * j) {
				for (guint a = first; a < first + j && a + j < used; a++)
					exchange(x, a, a + j);
			}
		}
		for (guint a = 0; a < used; a++)
			x[a] = merge_register(x[a]);
	}
}

/* the lanes of register @a that hold one of @n entries */
static inline __mmask8
lanes_held(guint a, guint n)
{
	if (8 * a >= n)
		return 0;
	return n - 8 * a >= 8 ? 0xff : (__mmask8)((1u << (n - 8 * a)) - 1);
}

/* the first place from @from on whose score is within 1e-9 of the next's (a bit of @links),
 * or @n */
static guint
next_link(const guint64 *links, guint from, guint n)
{
	for (guint w = from / 64; 64 * w < n; w++) {
		guint64 bits = links[w] & (w == from / 64 ? ~G_GUINT64_CONSTANT(0) << from % 64
							  : ~G_GUINT64_CONSTANT(0));

		if (bits != 0)
			return MIN(64 * w + (guint)__builtin_ctzll(bits), n);
	}
	return n;
}

/* whether place @i's score is within 1e-9 of the next's (its bit of @links) */
static inline gboolean
linked(const guint64 *links, guint i)
{
	return links[i / 64] >> i % 64 & 1;
}

/* the places of a sorted run (@sorted: their scores, @country: their countries) that are
 * within 1e-9 of the next (@links) made ties: each tie, places p to q, ranked p + 1 (average
 * rank (p + q + 2) / 2) where the comparison sort would tie them and rank them so. That holds
 * where every tie's scores are within 1e-9 of one another and more than 1e-9 above every
 * later place's and below every earlier one's (the comparison is then an order: by score
 * but within a tie by country, and each tie is a run of it). FALSE where one is not so */
static gboolean
rank_ties(AccordRun *self,
	  const gdouble *sorted,
	  const guint64 *country,
	  const guint64 *links,
	  guint n,
	  gboolean average)
{
	/* the lowest score of the last tie and its last place, for a tie just after it */
	gdouble above = G_MAXDOUBLE;
	guint last = G_MAXUINT;

	for (guint p = next_link(links, 0, n); p < n; p = next_link(links, p + 1, n)) {
		guint q = p;
		gdouble low = sorted[p], high = sorted[p];

		while (q + 1 < n && linked(links, q))
			q++;
		for (guint k = p + 1; k <= q; k++) {
			low = MIN(low, sorted[k]);
			high = MAX(high, sorted[k]);
		}
		above = last + 1 == p ? above : p > 0 ? sorted[p - 1] : G_MAXDOUBLE;
		if (high - low > TIE_EPSILON || (p > 0 && !(above - high > TIE_EPSILON)))
			return FALSE;
		/* a later tie checks itself against this one's lowest */
		if (q + 1 < n && !linked(links, q + 1) && !(low - sorted[q + 1] > TIE_EPSILON))
			return FALSE;
		for (guint k = p; k <= q; k++) {
			self->positions[country[k]] = p + 1;
			if (average)
				self->ranks[country[k]] = (p + 1 + q + 1) / 2.0;
		}
		above = low;
		last = q;
		p = q;
	}
	return TRUE;
}

/* rank_scores() by the network, for 2 to WIDE_MAX countries: FALSE where a score is not finite
 * or rank_ties() finds ties the comparison sort might make otherwise (some ranks then
 * written, which it writes again) */
static gboolean __attribute__((target("avx512f")))
rank_wide(AccordRun *self, const gdouble *scores, guint n, gboolean average)
{
	__m512d x[WIDE_MAX / 8];
	guint64 country[WIDE_MAX] __attribute__((aligned(64)));
	gdouble sorted[WIDE_MAX + 8] __attribute__((aligned(64)));
	guint64 links[WIDE_MAX / 64] = {0}, any = 0;
	const __m512i byte = _mm512_set1_epi64(0xff),
		      lane = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
	guint n_vec = 1;
	__mmask8 odd = 0;

	while (8 * n_vec < n)
		n_vec *= 2;
	for (guint a = 0; a < n_vec; a++) {
		__mmask8 held = lanes_held(a, n);
		__m512d s = _mm512_maskz_loadu_pd(held, scores + 8 * a);
		__m512i c = _mm512_add_epi64(_mm512_set1_epi64(8 * a), lane);

		odd |= _mm512_mask_cmp_pd_mask(held,
					       _mm512_abs_pd(s),
					       _mm512_set1_pd(G_MAXDOUBLE),
					       _CMP_NLE_UQ);
		/* the score's bits but the last byte, which is 255 − c; the places past the
		 * countries −∞, which sort last */
		x[a] = _mm512_mask_mov_pd(
		    _mm512_set1_pd(-INFINITY),
		    held,
		    _mm512_castsi512_pd(_mm512_ternarylogic_epi64(_mm512_castpd_si512(s),
								  byte,
								  _mm512_xor_si512(c, byte),
								  0xb8)));
	}
	if (odd != 0)
		return FALSE;
	sort_keys(x, n_vec, (n + 7) / 8);
	/* each place's country and score; each score against the next */
	for (guint a = 0; a < n_vec; a++) {
		__m512i c = _mm512_andnot_si512(_mm512_castpd_si512(x[a]), byte);

		_mm512_store_si512(country + 8 * a, c);
		_mm512_store_pd(
		    sorted + 8 * a,
		    _mm512_mask_i64gather_pd(_mm512_setzero_pd(), lanes_held(a, n), c, scores, 8));
	}
	for (guint i = 0; i + 1 < n; i += 8) {
		/* places i to i + 7 that have a next place */
		__mmask8 pairs = lanes_held(0, n - 1 - i);
		__m512d gap =
		    _mm512_load_pd(sorted + i) - _mm512_maskz_loadu_pd(pairs, sorted + i + 1);
		guint64 near =
		    _mm512_mask_cmp_pd_mask(pairs, gap, _mm512_set1_pd(TIE_EPSILON), _CMP_NGT_UQ);

		links[i / 64] |= near << i % 64;
		any |= near;
	}
	/* the ranks where no two are tied: the places */
	for (guint a = 0; a < n_vec; a++) {
		__m256i place =
		    _mm512_cvtepi64_epi32(_mm512_add_epi64(_mm512_set1_epi64(8 * a + 1), lane));
		__mmask8 held = lanes_held(a, n);
		__m512i c = _mm512_load_si512(country + 8 * a);

		_mm512_mask_i64scatter_epi32(self->positions, held, c, place, 4);
		if (average)
			_mm512_mask_i64scatter_pd(self->ranks,
						  held,
						  c,
						  _mm512_cvtepi32_pd(place),
						  8);
	}
	self->untied = any == 0;
	return any == 0 || rank_ties(self, sorted, country, links, n, average);
}

/* ---- the same order on registers of eight 32-bit keys, with AVX2 ----
 *
 * Where the processor has AVX2 and not AVX-512, the network sorts keys of 32 bits, eight a
 * register: a score's place on a scale of 2^24 steps over 0 to 100 points (clamped, so
 * monotone: a higher score never has a lower step) above 255 less its country. That sorts
 * the countries as rank_wide()'s keys would, except within a run of scores on one step (6e-6
 * points wide), which it leaves in country order: each such run is then sorted by rank_wide()'s
 * keys (the score's bits but the last byte, which is 255 − c), so the order is exactly the one
 * rank_wide() gives, and is checked and ranked as it checks and ranks. Registers of eight 32-bit
 * keys take half the registers, and half the comparisons, that four doubles would (a third
 * less time for the ranking in bench-uncertainty, whose draws have about one run in two, mostly
 * an exact tie) */

/* the scale: 2^24 − 1 steps over 100 points, so the product stays below 2^24 */
#define STEPS_PER_POINT (16777215.0 / 100.0)

/* each of eight keys paired with the one @j lanes away (1, 2 or 4) */
static inline __m256i __attribute__((target("avx2"), always_inline)) key_partner(__m256i v, guint j)
{
	if (j == 1)
		return _mm256_shuffle_epi32(v, 0xb1);
	if (j == 2)
		return _mm256_shuffle_epi32(v, 0x4e);
	return _mm256_permute2x128_si256(v, v, 0x01);
}

/* lane_stage() of 32-bit keys: @smaller (a constant) has a bit for each lane that keeps the
 * smaller */
#define KEY_STAGE(v, j, smaller)                                                                   \
	_mm256_blend_epi32(_mm256_max_epu32((v), key_partner((v), (j))),                           \
			   _mm256_min_epu32((v), key_partner((v), (j))),                           \
			   (smaller))

/* merge_register() and sort_register() of 32-bit keys */
static inline __m256i __attribute__((target("avx2"), always_inline)) merge_keys(__m256i v)
{
	v = KEY_STAGE(v, 4, LANES_4);
	v = KEY_STAGE(v, 2, LANES_2);
	return KEY_STAGE(v, 1, LANES_1);
}

static inline __m256i __attribute__((target("avx2"), always_inline)) sort_keys_register(__m256i v)
{
	v = KEY_STAGE(v, 1, LANES_1 ^ LANES_2);
	v = KEY_STAGE(v, 2, LANES_2 ^ LANES_4);
	v = KEY_STAGE(v, 1, LANES_1 ^ LANES_4);
	return merge_keys(v);
}

/* exchange() of 32-bit keys */
static inline void __attribute__((target("avx2"), always_inline))
exchange_keys(__m256i *x, guint a, guint b)
{
	__m256i high = _mm256_max_epu32(x[a], x[b]);

	x[b] = _mm256_min_epu32(x[a], x[b]);
	x[a] = high;
}

/* sort_keys() of 32-bit keys (@n_vec at most 32), those from register @used on taken as all 0
 * (the least key) and never read: every comparison puts the larger key first, so they would
 * never take a key */
static void __attribute__((target("avx2")))
sort_keys_narrow(__m256i *restrict x, guint n_vec, guint used)
{
	const __m256i mirror = _mm256_setr_epi32(7, 6, 5, 4, 3, 2, 1, 0);

	for (guint a = 0; a < used; a++)
		x[a] = sort_keys_register(x[a]);
	for (guint run = 2; run <= n_vec; run <<= 1) {
		for (guint first = 0; first < used; first += run) {
			for (guint a = first + run / 2 - 1, b = first + run / 2;
			     b < first + run && b < used;
			     a--, b++) {
				__m256i other = _mm256_permutevar8x32_epi32(x[b], mirror);

				x[b] = _mm256_permutevar8x32_epi32(_mm256_min_epu32(x[a], other),
								   mirror);
				x[a] = _mm256_max_epu32(x[a], other);
			}
		}
		for (guint j = run / 4; j > 1; j /= 2) {
			for (guint first = 0; first < used; first += 2 * j) {
				for (guint a = first; a < first + j && a + j < used; a++)
					exchange_keys(x, a, a + j);
			}
		}
		/* registers one apart in a loop of its own, whose runs of one exchange would
		 * otherwise take more loop than exchange */
		for (guint a = 0; run >= 4 && a + 1 < used; a += 2)
			exchange_keys(x, a, a + 1);
		for (guint a = 0; a < used; a++)
			x[a] = merge_keys(x[a]);
	}
}

/* rank_wide()'s key of country @c: the bits of its score @s but the last byte, which is
 * 255 − c, as a double */
static inline gdouble
wide_key(gdouble s, guint c)
{
	guint64 bits;
	gdouble key;

	memcpy(&bits, &s, sizeof bits);
	bits = (bits & ~G_GUINT64_CONSTANT(0xff)) | (255 - c);
	memcpy(&key, &bits, sizeof key);
	return key;
}

/* the countries at places @from to @to − 1 of @country (a run on one step) sorted by
 * rank_wide()'s keys, largest first: by insertion, a run being two or three places but where
 * scores crowd (tests') */
static void
sort_run(guint64 *country, guint from, guint to, const gdouble *scores, gsize stride)
{
	for (guint i = from + 1; i < to; i++) {
		guint64 c = country[i];
		gdouble key = wide_key(scores[c * stride], (guint)c);
		guint j = i;

		for (; j > from &&
		       wide_key(scores[country[j - 1] * stride], (guint)country[j - 1]) < key;
		     j--)
			country[j] = country[j - 1];
		country[j] = c;
	}
}

/* four scores' steps (@held: all ones in the lanes that hold a country); @odd gets a bit where
 * a score held is not finite */
static inline __m128i __attribute__((target("avx2"), always_inline))
narrow_steps(__m256d s, __m256d held, guint *odd)
{
	const __m256d most = _mm256_set1_pd(G_MAXDOUBLE), sign = _mm256_set1_pd(-0.0);

	*odd |= (guint)_mm256_movemask_pd(
	    _mm256_and_pd(_mm256_cmp_pd(_mm256_andnot_pd(sign, s), most, _CMP_NLE_UQ), held));
	s = _mm256_min_pd(_mm256_max_pd(s, _mm256_setzero_pd()), _mm256_set1_pd(100.0));
	return _mm256_cvttpd_epi32(s * _mm256_set1_pd(STEPS_PER_POINT));
}

/* the keys of countries 8a to 8a + 7 of @n (0 past the last, which sorts last: every country's
 * key is at least 1, its country being below 255 where there are fewer than 256); @odd gets a
 * bit where a score is not finite. @full (a constant) where all eight exist (8a + 8 <= n, every
 * register but the last): plain loads, no lane masked */
static inline __m256i __attribute__((target("avx2"), always_inline))
narrow_keys(const gdouble *scores, guint n, guint a, gboolean full, guint *odd)
{
	const __m256i c = _mm256_add_epi32(_mm256_set1_epi32((gint)(8 * a)),
					   _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
	const __m256d all = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
	__m128i step[2];
	__m256i keys;

	for (guint h = 0; h < 2; h++) {
		const gdouble *at = scores + 8 * a + 4 * h;
		guint in = n > 8 * a + 4 * h ? MIN(4, n - 8 * a - 4 * h) : 0;
		__m256i held =
		    _mm256_cmpgt_epi64(_mm256_set1_epi64x(in), _mm256_setr_epi64x(0, 1, 2, 3));

		step[h] = full ? narrow_steps(_mm256_loadu_pd(at), all, odd)
			       : narrow_steps(_mm256_maskload_pd(at, held),
					      _mm256_castsi256_pd(held),
					      odd);
	}
	keys = _mm256_or_si256(_mm256_slli_epi32(_mm256_set_m128i(step[1], step[0]), 8),
			       _mm256_sub_epi32(_mm256_set1_epi32(255), c));
	return full ? keys
		    : _mm256_and_si256(_mm256_cmpgt_epi32(_mm256_set1_epi32((gint)n), c), keys);
}

/* rank_wide() with registers of eight 32-bit keys; country c's score at @scores[c × @stride].
 * @lane: the position within the block whose keys sort_block_keys() sorted (AccordRun.
 * block_keys), or −1 to make and sort the keys here (@stride 1) */
static gboolean __attribute__((target("avx2"))) rank_narrow(AccordRun *self,
							    const gdouble *scores,
							    gsize stride,
							    guint n,
							    gboolean average,
							    gint lane)
{
	__m256i x[WIDE_MAX / 8];
	guint32 keys[WIDE_MAX + 8] __attribute__((aligned(32)));
	guint64 country[WIDE_MAX] __attribute__((aligned(32)));
	gdouble sorted[WIDE_MAX];
	guint64 links[WIDE_MAX / 64] = {0}, any = 0, on_step[WIDE_MAX / 64] = {0}, any_on_step = 0;
	guint64 close[WIDE_MAX / 64] = {0}, any_close = 0;
	guint n_vec = 1, used = (n + 7) / 8, odd = 0;

	while (8 * n_vec < n)
		n_vec *= 2;
	/* the keys sorted with the other positions of a block (sort_block_keys()), or here */
	if (lane >= 0) {
		const guint32 *block = self->block_keys + lane * accord_round_up(n, 8);

		if ((self->block_odd >> lane) & 1)
			return FALSE;
		for (guint a = 0; a < used; a++)
			x[a] = _mm256_loadu_si256((const __m256i *)(block + 8 * a));
	} else {
		for (guint a = 0; a < used; a++)
			x[a] = 8 * a + 8 <= n ? narrow_keys(scores, n, a, TRUE, &odd)
					      : narrow_keys(scores, n, a, FALSE, &odd);
		if (odd != 0)
			return FALSE;
		sort_keys_narrow(x, n_vec, used);
	}
	/* each place's country; the places on the step of the next, a bit each of @on_step, and
	 * those a step or less above it, of @close: from the block (sort_block_keys()) or here */
	for (guint a = 0; a < used; a++) {
		__m256i c = _mm256_sub_epi32(_mm256_set1_epi32(255),
					     _mm256_and_si256(x[a], _mm256_set1_epi32(0xff)));

		_mm256_store_si256((__m256i *)(keys + 8 * a), x[a]);
		_mm256_store_si256((__m256i *)(country + 8 * a),
				   _mm256_cvtepu32_epi64(_mm256_castsi256_si128(c)));
		_mm256_store_si256((__m256i *)(country + 8 * a + 4),
				   _mm256_cvtepu32_epi64(_mm256_extracti128_si256(c, 1)));
	}
	_mm256_store_si256((__m256i *)(keys + 8 * used), _mm256_setzero_si256());
	for (guint w = 0; lane >= 0 && w < WIDE_MAX / 64; w++) {
		on_step[w] = self->block_step[lane][w];
		close[w] = self->block_close[lane][w];
		any_on_step |= on_step[w];
		any_close |= close[w];
	}
	for (guint i = 0; lane < 0 && i + 1 < n; i += 8) {
		__m256i here = _mm256_srli_epi32(_mm256_load_si256((const __m256i *)(keys + i)), 8);
		__m256i next =
		    _mm256_srli_epi32(_mm256_loadu_si256((const __m256i *)(keys + i + 1)), 8);
		guint64 same =
		    (guint)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(here, next))) &
		    (0xffu >> (8 - MIN(8, n - 1 - i)));

		on_step[i / 64] |= same << i % 64;
		any_on_step |= same;
		/* two scores within 1e-9 of each other are on one step or on two next to each other
		 * (a step is 6e-6 points), so only such places may be tied */
		guint64 near =
		    (guint)_mm256_movemask_ps(_mm256_castsi256_ps(
			_mm256_cmpgt_epi32(_mm256_set1_epi32(2), _mm256_sub_epi32(here, next)))) &
		    (0xffu >> (8 - MIN(8, n - 1 - i)));

		close[i / 64] |= near << i % 64;
		any_close |= near;
	}
	/* each run of places on one step (places p to q + 1 where p to q have their bit) in the
	 * order of rank_wide()'s keys */
	for (guint p = any_on_step ? next_link(on_step, 0, n) : n; p < n;
	     p = next_link(on_step, p, n)) {
		guint q = p;

		while (q + 1 < n && linked(on_step, q + 1))
			q++;
		sort_run(country, p, q + 2, scores, stride);
		p = q + 1;
	}
	/* the ranks where no two are tied: the places (unrolled: the step was most of the loop) */
	if (average) {
#pragma GCC unroll 4
		for (guint i = 0; i < n; i++) {
			self->positions[country[i]] = i + 1;
			self->ranks[country[i]] = i + 1;
		}
	} else {
#pragma GCC unroll 4
		for (guint i = 0; i < n; i++)
			self->positions[country[i]] = i + 1;
	}
	self->untied = TRUE;
	if (any_close == 0)
		return TRUE;
	/* else the places within 1e-9 of the next, looked for among those a step or less apart
	 * alone (a few a draw) */
	for (guint i = next_link(close, 0, n); i < n; i = next_link(close, i + 1, n)) {
		if (!(scores[country[i] * stride] - scores[country[i + 1] * stride] >
		      TIE_EPSILON)) {
			links[i / 64] |= G_GUINT64_CONSTANT(1) << i % 64;
			any = 1;
		}
	}
	if (any == 0)
		return TRUE;
	/* the scores rank_ties() reads: each tie's places and the places either side of it */
	for (guint p = next_link(links, 0, n); p < n; p = next_link(links, p + 1, n)) {
		guint q = p;

		while (q + 1 < n && linked(links, q + 1))
			q++;
		for (guint k = p > 0 ? p - 1 : 0; k <= MIN(q + 2, n - 1); k++)
			sorted[k] = scores[country[k] * stride];
		p = q + 1;
	}
	self->untied = FALSE;
	return rank_ties(self, sorted, country, links, n, average);
}

/* whether accord_run_rank_network() ranks with rank_narrow() */
static gboolean
narrow_network(const AccordRun *self)
{
	guint n = self->model->n_countries;

	return n >= 2 && n <= WIDE_MAX && self->widest >= 2 &&
	       accord_evidence_widest_group() >= 2 &&
	       !(self->widest >= 4 && accord_evidence_widest_group() >= 4);
}

/* ---- a block's eight positions sorted together, with AVX2 ----
 *
 * accord_run_rank_position() ranks eight positions (a block) from the same cache lines of the
 * countries' rows. With AVX2, their keys (narrow_keys()'s) are sorted together, a register a
 * country with its key in each of the eight positions, one a lane: the network compares
 * countries, each comparison the maximum and the minimum of two registers, with no shuffle
 * and no key of another position between, and sorts each lane on its own. The same
 * same-way-round network as sort_keys_narrow() (every merge largest first, so the countries
 * past the last, key 0, never move and their comparisons are left out), its first three
 * levels and each merge's last three stages eight registers at a time in registers. Each
 * position's keys, sorted, are then turned back into a row (8 × 8 transpositions), which
 * rank_narrow() takes instead of sorting its own: the same keys, so the same order */

/* registers @a and @b of @x compared lane by lane: the larger key to @a */
#define EXCHANGE_LANES(x, a, b)                                                                    \
	do {                                                                                       \
		__m256i high_ = _mm256_max_epu32((x)[a], (x)[b]);                                  \
                                                                                                   \
		(x)[b] = _mm256_min_epu32((x)[a], (x)[b]);                                         \
		(x)[a] = high_;                                                                    \
	} while (0)

/* each lane of eight registers sorted largest first across them: the optimal network of 19
 * comparisons for eight (Knuth, The Art of Computer Programming, 5.3.4) */
static inline void __attribute__((target("avx2"), always_inline)) sort_eight_lanes(__m256i *x)
{
	/* clang-format off */
	static const guint8 pairs[19][2] = {{0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6},
					    {3, 7}, {0, 1}, {2, 3}, {4, 5}, {6, 7}, {2, 4}, {3, 5},
					    {1, 4}, {3, 6}, {1, 2}, {3, 4}, {5, 6}};
	/* clang-format on */
	__m256i r[8];

	for (guint i = 0; i < 8; i++)
		r[i] = x[i];
#pragma GCC unroll 19
	for (guint i = 0; i < 19; i++)
		EXCHANGE_LANES(r, pairs[i][0], pairs[i][1]);
	for (guint i = 0; i < 8; i++)
		x[i] = r[i];
}

/* the last three stages of a merge (registers 4, 2 and 1 apart) on eight registers */
static inline void __attribute__((target("avx2"), always_inline)) merge_eight_lanes(__m256i *x)
{
	__m256i r[8];

	for (guint i = 0; i < 8; i++)
		r[i] = x[i];
	for (guint j = 4; j > 0; j /= 2) {
		for (guint a = 0; a < 8; a++) {
			if ((a & j) == 0)
				EXCHANGE_LANES(r, a, a + j);
		}
	}
	for (guint i = 0; i < 8; i++)
		x[i] = r[i];
}

/* registers @p[i] and @q[i] compared lane by lane for i below @len (the larger key to @p), @q
 * ascending and @p ascending too or (@mirror) descending: eight at a time, unrolled */
static inline void __attribute__((target("avx2"), always_inline))
exchange_runs(__m256i *p, __m256i *q, guint len, gboolean mirror)
{
	guint i = 0;

	for (; i + 8 <= len; i += 8) {
#pragma GCC unroll 8
		for (guint k = 0; k < 8; k++) {
			__m256i *a = mirror ? p - (i + k) : p + i + k, *b = q + i + k;
			__m256i high = _mm256_max_epu32(*a, *b);

			*b = _mm256_min_epu32(*a, *b);
			*a = high;
		}
	}
	for (; i < len; i++) {
		__m256i *a = mirror ? p - i : p + i, *b = q + i;
		__m256i high = _mm256_max_epu32(*a, *b);

		*b = _mm256_min_epu32(*a, *b);
		*a = high;
	}
}

/* each lane of the @n registers of @x (the countries', then 0 up to a multiple of eight)
 * sorted largest first */
static void __attribute__((target("avx2"))) sort_lanes(__m256i *restrict x, guint n)
{
	guint groups = (n + 7) / 8, size = 8;

	for (guint g = 0; g < groups; g++)
		sort_eight_lanes(x + 8 * g);
	while (size < n)
		size *= 2;
	for (guint k = 16; k <= size; k *= 2) {
		/* each run of k: its first half against its second's mirror, as far as the
		 * countries go */
		for (guint first = 0; first + k / 2 < n; first += k)
			exchange_runs(x + first + k / 2 - 1,
				      x + first + k / 2,
				      MIN(k / 2, n - first - k / 2),
				      TRUE);
		for (guint j = k / 4; j >= 8; j /= 2) {
			for (guint first = 0; first + j < n; first += 2 * j)
				exchange_runs(x + first,
					      x + first + j,
					      MIN(j, n - first - j),
					      FALSE);
		}
		for (guint g = 0; g < groups; g++)
			merge_eight_lanes(x + 8 * g);
	}
}

/* registers @x (eight places, a position a lane) into eight rows @out, @stride apart (a
 * position's eight places each) */
static inline void __attribute__((target("avx2"), always_inline))
transpose_keys(const __m256i *x, guint32 *out, gsize stride)
{
	__m256i t[8], u[8];

	for (guint i = 0; i < 4; i++) {
		t[2 * i] = _mm256_unpacklo_epi32(x[2 * i], x[2 * i + 1]);
		t[2 * i + 1] = _mm256_unpackhi_epi32(x[2 * i], x[2 * i + 1]);
	}
	for (guint h = 0; h < 2; h++) {
		u[4 * h] = _mm256_unpacklo_epi64(t[4 * h], t[4 * h + 2]);
		u[4 * h + 1] = _mm256_unpackhi_epi64(t[4 * h], t[4 * h + 2]);
		u[4 * h + 2] = _mm256_unpacklo_epi64(t[4 * h + 1], t[4 * h + 3]);
		u[4 * h + 3] = _mm256_unpackhi_epi64(t[4 * h + 1], t[4 * h + 3]);
	}
	/* u[j]: positions j and j + 4 of places 0 to 3, u[4 + j] of places 4 to 7 */
	for (guint j = 0; j < 4; j++) {
		_mm256_storeu_si256((__m256i *)(out + j * stride),
				    _mm256_permute2x128_si256(u[j], u[4 + j], 0x20));
		_mm256_storeu_si256((__m256i *)(out + (j + 4) * stride),
				    _mm256_permute2x128_si256(u[j], u[4 + j], 0x31));
	}
}

/* an 8 × 8 matrix of bits, a row a byte, transposed (Warren, Hacker's Delight, 7-3) */
static inline guint64
transpose_bits(guint64 x)
{
	guint64 t = (x ^ (x >> 7)) & G_GUINT64_CONSTANT(0x00aa00aa00aa00aa);

	x ^= t ^ (t << 7);
	t = (x ^ (x >> 14)) & G_GUINT64_CONSTANT(0x0000cccc0000cccc);
	x ^= t ^ (t << 14);
	t = (x ^ (x >> 28)) & G_GUINT64_CONSTANT(0x00000000f0f0f0f0);
	return x ^ t ^ (t << 28);
}

/* rank_narrow()'s bits of the places of each of the block's positions from its sorted keys
 * @x (a position a lane): on the step of the next place (AccordRun.block_step), a step or
 * less above it (block_close); eight places' comparisons of the eight positions a byte each,
 * then turned into a byte of each position's. The bytes past the last place's are left as
 * they are: rank_narrow() reads no bit past its countries */
static void __attribute__((target("avx2"))) mark_steps(AccordRun *self, const __m256i *x, guint n)
{
	for (guint p = 0; p + 1 < n; p += 8) {
		guint64 same = 0, near = 0;

		for (guint i = 0; i < 8 && p + i + 1 < n; i++) {
			__m256i here = _mm256_srli_epi32(x[p + i], 8);
			__m256i next = _mm256_srli_epi32(x[p + i + 1], 8);

			same |= (guint64)(guint)_mm256_movemask_ps(
				    _mm256_castsi256_ps(_mm256_cmpeq_epi32(here, next)))
				<< (8 * i);
			near |= (guint64)(guint)_mm256_movemask_ps(_mm256_castsi256_ps(
				    _mm256_cmpgt_epi32(_mm256_set1_epi32(2),
						       _mm256_sub_epi32(here, next))))
				<< (8 * i);
		}
		same = transpose_bits(same);
		near = transpose_bits(near);
		/* position k's byte of each: its eight places' bits, byte p / 8 of its bits (x86
		 * is little-endian) */
		for (guint k = 0; k < 8; k++) {
			((guint8 *)self->block_step[k])[p / 8] = (guint8)(same >> (8 * k));
			((guint8 *)self->block_close[k])[p / 8] = (guint8)(near >> (8 * k));
		}
	}
}

/* the keys of the eight positions of @block (AccordRun.block_keys, a position's sorted keys
 * a row) and which positions have a score that is not finite (block_odd), from the block's
 * cache line of each country's row; positions past the batch's last run are sorted too, from
 * what their lines hold, and never read */
static void __attribute__((target("avx2"))) sort_block_keys(AccordRun *self, guint block)
{
	guint n = self->model->n_countries, rows = (guint)accord_round_up(n, 8), odd = 0;
	const __m256d all = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
	__m256i x[WIDE_MAX];

	/* as accord_run_rank_position() asks for the lines of the block after next */
	gboolean ahead = 8 * (block + 2) < self->n;

	for (guint c = 0; c < n; c++) {
		const gdouble *line = self->by_country + (gsize)c * self->stride + 8 * block;
		guint low = 0, high = 0;

		if (ahead)
			__builtin_prefetch(line + 16);
		__m128i a = narrow_steps(_mm256_loadu_pd(line), all, &low);
		__m128i b = narrow_steps(_mm256_loadu_pd(line + 4), all, &high);

		odd |= low | high << 4;
		x[c] = _mm256_or_si256(_mm256_slli_epi32(_mm256_set_m128i(b, a), 8),
				       _mm256_set1_epi32((gint)(255 - c)));
	}
	for (guint c = n; c < rows; c++)
		x[c] = _mm256_setzero_si256();
	sort_lanes(x, n);
	for (guint p = 0; p < rows; p += 8)
		transpose_keys(x + p, self->block_keys + p, rows);
	self->block_odd = odd;
	mark_steps(self, x, n);
}
#endif

/**
 * accord_run_rank_network:
 * @self: a batch
 * @scores: (array): one run's scores, by country (NAN: n/a)
 * @average: also compute average ranks
 *
 * Ranks @scores as accord_run_rank() does, with the sorting network where there are 2 to 256
 * countries and the batch's width (AccordRun.widest) and the processor allow it: on registers
 * of eight doubles with AVX-512 (widest 4), of eight 32-bit keys with AVX2 (widest 2 or more),
 * for scores it can rank (see rank_wide() and rank_narrow(), which rank alike).
 *
 * Returns: %FALSE where it could not, the ranks then unset or partly set
 */
gboolean
accord_run_rank_network(AccordRun *self, const gdouble *scores, gboolean average)
{
	guint n = self->model->n_countries, widest = self->widest;

#ifdef USE_WIDE
	if (n >= 2 && n <= WIDE_MAX && widest >= 4 && accord_evidence_widest_group() >= 4)
		return rank_wide(self, scores, n, average);
	if (narrow_network(self))
		return rank_narrow(self, scores, 1, n, average, -1);
#endif
	(void)scores;
	(void)average;
	(void)n;
	(void)widest;
	return FALSE;
}

/* rank_scores() by the comparison sort */
static void
rank_compared(AccordRun *self, const gdouble *scores, gboolean average)
{
	guint n = self->model->n_countries, start = 0;
	const guint *order = self->order;

	gboolean tied = FALSE; /* with the country before */

	self->untied = FALSE;
	sort_countries(self, scores, n);
	for (guint i = 0; i < n; i++) {
		guint x = order[i];
		gboolean tied_next = i + 1 < n && same_score(scores[x], scores[order[i + 1]]);

		self->positions[x] = tied ? self->positions[order[i - 1]] : i + 1;
		tied = tied_next;
		if (!average || tied_next)
			continue;
		/* positions start + 1 … i + 1 are one tie: each gets their mean */
		for (guint j = start; j <= i; j++)
			self->ranks[order[j]] = (start + 1 + i + 1) / 2.0;
		start = i + 1;
	}
}

/* ranks @scores (one run's, by country) as engine/rank.c does: competition ranking (1, 2,
 * 2, 4), scores within 1e-9 tied; with @average, also average ranks */
static void
rank_scores(AccordRun *self, const gdouble *scores, gboolean average)
{
	if (!accord_run_rank_network(self, scores, average))
		rank_compared(self, scores, average);
}

/**
 * accord_run_rank:
 * @self: a batch that has drawn, its scores in rows (AccordRun.in_rows)
 * @run: which run
 * @average: also compute average ranks (for Spearman's rho)
 *
 * Ranks the countries of one run as engine/rank.c does: competition ranking (1, 2, 2, 4),
 * scores within 1e-9 tied.
 */
void
accord_run_rank(AccordRun *self, guint run, gboolean average)
{
	rank_scores(self, self->scores + (gsize)run * self->model->n_countries, average);
}

#ifdef USE_WIDE
/* the scores of the eight positions of @block for countries 8 at a time, as
 * accord_run_rank_position() copies them one by one: eight lines (a country's eight
 * positions each) transposed in registers into eight columns' pieces (eight countries' score
 * at a position each). Returns how many countries it did: a multiple of 8 (positions past
 * the batch's last run are copied as 0, and never read) */
static guint __attribute__((target("avx512f"))) transpose_lines(AccordRun *self, guint block)
{
	guint n = self->model->n_countries, c = 0;
	/* the pairs of two rows' interleaved elements that make a half row: low and high */
	const __m512i pairs_low = _mm512_setr_epi64(0, 1, 8, 9, 4, 5, 12, 13);
	const __m512i pairs_high = _mm512_setr_epi64(2, 3, 10, 11, 6, 7, 14, 15);
	const __m512i halves_low = _mm512_setr_epi64(0, 1, 2, 3, 8, 9, 10, 11);
	const __m512i halves_high = _mm512_setr_epi64(4, 5, 6, 7, 12, 13, 14, 15);

	/* the block's positions that hold a run: the others may be past a country's scores */
	__mmask8 held = (__mmask8)(0xffu >> (8 - MIN(8, self->n - 8 * block)));
	gboolean ahead = 8 * (block + 2) < self->n;

	for (; c + 8 <= n; c += 8) {
		__m512d line[8], t[8], u[8];

		for (guint i = 0; i < 8; i++) {
			const gdouble *row = self->by_country + (gsize)(c + i) * self->stride;

			/* as accord_run_rank_position() asks for the lines ahead */
			if (ahead)
				__builtin_prefetch(row + 8 * (block + 2));
			line[i] = _mm512_maskz_loadu_pd(held, row + 8 * block);
		}
		/* t[2i], t[2i + 1]: lines 2i and 2i + 1 interleaved, even and odd positions */
		for (guint i = 0; i < 4; i++) {
			t[2 * i] = _mm512_unpacklo_pd(line[2 * i], line[2 * i + 1]);
			t[2 * i + 1] = _mm512_unpackhi_pd(line[2 * i], line[2 * i + 1]);
		}
		/* u[4h + j]: four lines (4h to 4h + 3) at positions j and j + 4 (j = 0, 2, 1, 3) */
		for (guint h = 0; h < 2; h++) {
			u[4 * h] = _mm512_permutex2var_pd(t[4 * h], pairs_low, t[4 * h + 2]);
			u[4 * h + 1] = _mm512_permutex2var_pd(t[4 * h], pairs_high, t[4 * h + 2]);
			u[4 * h + 2] =
			    _mm512_permutex2var_pd(t[4 * h + 1], pairs_low, t[4 * h + 3]);
			u[4 * h + 3] =
			    _mm512_permutex2var_pd(t[4 * h + 1], pairs_high, t[4 * h + 3]);
		}
		/* position k's eight countries: u[j] and u[4 + j], low or high halves */
		for (guint j = 0; j < 4; j++) {
			/* u[0]: positions 0 and 4, u[1]: 2 and 6, u[2]: 1 and 5, u[3]: 3 and 7 */
			guint k = (j & 1) * 2 + (j >> 1);

			_mm512_storeu_pd(self->column + (gsize)k * n + c,
					 _mm512_permutex2var_pd(u[j], halves_low, u[4 + j]));
			_mm512_storeu_pd(self->column + (gsize)(k + 4) * n + c,
					 _mm512_permutex2var_pd(u[j], halves_high, u[4 + j]));
		}
	}
	return c;
}
#endif

#ifdef USE_WIDE
/* accord_run_rank_position() with AVX2: the block's keys sorted together once
 * (sort_block_keys()), then each position ranked by rank_narrow() from its sorted keys and
 * its scores where they are, in the countries' rows; where it declines (a score not finite, a
 * chain of near ties), the comparison sort on the position's scores, gathered */
static void
rank_position_narrow(AccordRun *self, guint pos, gboolean average)
{
	guint n = self->model->n_countries, block = pos / 8, lane = pos % 8;
	const gdouble *scores = self->by_country + 8 * block + lane;

	if (self->column_block != block + 1) {
		sort_block_keys(self, block);
		self->column_block = block + 1;
	}
	if (rank_narrow(self, scores, self->stride, n, average, (gint)lane))
		return;
	for (guint c = 0; c < n; c++)
		self->column[c] = scores[(gsize)c * self->stride];
	rank_compared(self, self->column, average);
}
#endif

/**
 * accord_run_rank_position:
 * @self: a batch that has drawn, its scores by position (AccordRun.in_rows %FALSE)
 * @pos: which position
 * @average: also compute average ranks (for Spearman's rho)
 *
 * accord_run_rank() for the run at position @pos, its scores read from by_country, eight
 * positions (a cache line of each country's) at a time: rank a block's positions together.
 */
void
accord_run_rank_position(AccordRun *self, guint pos, gboolean average)
{
	guint n = self->model->n_countries, block = pos / 8;

#ifdef USE_WIDE
	if (narrow_network(self)) {
		rank_position_narrow(self, pos, average);
		return;
	}
#endif

	/* the scores of the eight positions of @pos's block, a column each, from one cache line
	 * of each country's */
	if (self->column_block != block + 1) {
		guint c = 0;

#ifdef USE_WIDE
		if (self->widest >= 4 && accord_evidence_widest_group() >= 4)
			c = transpose_lines(self, block);
#endif
		guint width = MIN(8, self->n - 8 * block);
		/* the rows are far apart and many (a country's each), more streams than the
		 * hardware's prefetchers follow: each line read from memory stalled the copy,
		 * so the lines of the block after next are asked for now, while this block is
		 * ranked */
		gboolean ahead = 8 * (block + 2) < self->n;

		for (; c < n; c++) {
			const gdouble *row = self->by_country + (gsize)c * self->stride;
			const gdouble *line = row + 8 * block;

			if (ahead)
				__builtin_prefetch(row + 8 * (block + 2));

			/* a whole block (most) with a constant bound, which the compiler unrolls */
			if (width == 8) {
				for (guint k = 0; k < 8; k++)
					self->column[(gsize)k * n + c] = line[k];
				continue;
			}
			for (guint k = 0; k < width; k++)
				self->column[(gsize)k * n + c] = line[k];
		}
		self->column_block = block + 1;
	}
	rank_scores(self, self->column + (gsize)(pos % 8) * n, average);
}

/**
 * accord_run_spearman:
 * @self: a batch whose last accord_run_rank() computed average ranks
 *
 * Spearman's rho between that ranking and the nominal one: Pearson's correlation of the
 * average ranks. Average ranks of n countries always sum to n(n + 1)/2, so both means are
 * (n + 1)/2; every rank less its mean is a multiple of ½, so the sums of products below are
 * exact in double precision and rho has a single rounding: the order of the additions (the
 * AVX2 and AVX-512 copies') changes nothing, nor does taking the sums of squares worked out
 * once: the nominal ranks' (AccordModel.nominal_squares), and the run's where the ranking
 * had no ties (untied_squares). NAN when every country is tied.
 *
 * Returns: rho
 */
gdouble ACCORD_VECTOR_CLONES
accord_run_spearman(const AccordRun *self)
{
	const AccordModel *m = self->model;
	guint n = m->n_countries;
	gdouble mean = (n + 1) / 2.0, cross = 0, squares = 0;
	const gdouble *restrict ranks = self->ranks, *restrict y = m->nominal_centered;
	/* eight partial sums of each, which the compiler keeps in one register: every sum is
	 * exact, so the order of the additions changes nothing */
	gdouble part[2][8] = {{0}};
	guint c = 0;

	/* with no ties the ranks are 1 … n, whose squares' sum is the model's (exact, so the
	 * same value): only the cross products are summed */
	if (self->untied) {
		for (; c + 8 <= n; c += 8) {
			for (guint k = 0; k < 8; k++)
				part[0][k] += (ranks[c + k] - mean) * y[c + k];
		}
		for (; c < n; c++)
			part[0][0] += (ranks[c] - mean) * y[c];
		for (guint k = 0; k < 8; k++)
			cross += part[0][k];
		return cross / sqrt(m->untied_squares * m->nominal_squares);
	}
	for (; c + 8 <= n; c += 8) {
		for (guint k = 0; k < 8; k++) {
			gdouble x = ranks[c + k] - mean;

			part[0][k] += x * y[c + k];
			part[1][k] += x * x;
		}
	}
	for (; c < n; c++) {
		gdouble x = ranks[c] - mean;

		part[0][0] += x * y[c];
		part[1][0] += x * x;
	}
	for (guint k = 0; k < 8; k++) {
		cross += part[0][k];
		squares += part[1][k];
	}
	return cross / sqrt(squares * m->nominal_squares);
}

/* the nominal scores, ranked */
void
accord_model_rank_nominal(AccordModel *self)
{
	g_autoptr(AccordRun) run = accord_run_new(self, 1);

	for (guint c = 0; c < self->n_countries; c++)
		run->scores[c] = self->countries[c].nominal;
	accord_run_rank(run, 0, TRUE);
	self->nominal_positions = g_memdup2(run->positions, self->n_countries * sizeof(guint));
	self->nominal_centered = g_new(gdouble, self->n_countries);
	/* Spearman's sums of squares: the nominal ranks', and those of ranks with no ties (1 …
	 * n), each exact, as the ranks less their mean are */
	self->nominal_squares = self->untied_squares = 0;
	for (guint c = 0; c < self->n_countries; c++) {
		gdouble mean = (self->n_countries + 1) / 2.0;

		self->nominal_centered[c] = run->ranks[c] - mean;
		self->nominal_squares += self->nominal_centered[c] * self->nominal_centered[c];
		self->untied_squares += (c + 1 - mean) * (c + 1 - mean);
	}
}
