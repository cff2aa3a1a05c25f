#include <gsl/gsl_qrng.h>
#include <gsl/gsl_rng.h>

#include "helpers.h"
#include "sobol-private.h"

/* The Sobol estimators (engine/sobol.c) against models whose indices are known exactly.
 *
 * Ishigami (Ishigami and Homma 1990; Saltelli et al. 2010), x_i uniform on [−π, π]:
 *   f = sin x1 + a sin² x2 + b x3⁴ sin x1, a = 7, b = 0.1
 *   V1 = ½(1 + bπ⁴/5)² = 4.3459, V2 = a²/8 = 6.125, V3 = 0, V13 = 8b²π⁸/225 = 3.3737,
 *   V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½ = 13.8446
 *   S1 = V1/V = 0.3139, S2 = 0.4424, S3 = 0, ST1 = (V1 + V13)/V = 0.5576, ST2 = 0.4424,
 *   ST3 = V13/V = 0.2437
 * The analytic values are computed from these formulas below, not copied from the output */

static gdouble
ishigami(const gdouble *u)
{
	gdouble x1 = -M_PI + 2 * M_PI * u[0], x2 = -M_PI + 2 * M_PI * u[1];
	gdouble x3 = -M_PI + 2 * M_PI * u[2];

	return sin(x1) + 7 * sin(x2) * sin(x2) + 0.1 * pow(x3, 4) * sin(x1);
}

static void
ishigami_indices(gdouble *first, gdouble *total)
{
	gdouble a = 7, b = 0.1, pi4 = pow(M_PI, 4), pi8 = pow(M_PI, 8);
	gdouble v1 = 0.5 * pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = 8 * b * b * pi8 / 225;
	gdouble v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;

	first[0] = v1 / v;
	first[1] = v2 / v;
	first[2] = 0;
	total[0] = (v1 + v13) / v;
	total[1] = v2 / v;
	total[2] = v13 / v;
}

/* the Saltelli design: each sample a point of 6 uniforms, A its first 3, B its last 3 */
static AccordSobol *
run_ishigami(guint n, gboolean quasi)
{
	AccordSobol *sobol = accord_sobol_new(3, 1, n);
	gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, 6);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	gsl_rng_set(r, 1);
	for (guint j = 0; j < n; j++) {
		gdouble p[6], runs[5];

		if (quasi)
			gsl_qrng_get(q, p);
		for (guint i = 0; !quasi && i < 6; i++)
			p[i] = gsl_rng_uniform(r);
		runs[0] = ishigami(p);
		runs[1] = ishigami(p + 3);
		for (guint i = 0; i < 3; i++) {
			gdouble ab[3] = {p[0], p[1], p[2]};

			ab[i] = p[3 + i];
			runs[2 + i] = ishigami(ab);
		}
		accord_sobol_add(sobol, j, runs);
	}
	accord_sobol_finish(sobol, 100, 1);
	gsl_qrng_free(q);
	gsl_rng_free(r);
	return sobol;
}

static void
assert_ishigami(const AccordSobol *sobol, gdouble tolerance)
{
	gdouble first[3], total[3];

	ishigami_indices(first, total);
	assert_close(first[0], 0.3139, 5e-5);
	assert_close(total[2], 0.2437, 5e-5);
	for (guint i = 0; i < 3; i++) {
		const AccordSobolIndex *x = accord_sobol_get(sobol, 0, i);

		assert_close(x->first, first[i], tolerance);
		assert_close(x->total, total[i], tolerance);
		assert_true(x->first_lower <= x->first_upper);
		assert_true(x->total_lower <= x->total_upper);
	}
}

/* GSL's Sobol sequence (gsl_qrng_sobol, 6 dimensions) at N = 2^14 = 16,384 samples
 * (81,920 runs): every index within 0.01 of its analytic value */
static void
test_sobol_ishigami_quasi_random(void **state)
{
	g_autoptr(AccordSobol) sobol = run_ishigami(1u << 14, TRUE);

	assert_ishigami(sobol, 0.01);
}

/* a pseudo-random design (Mersenne Twister, seed 1) converges as 1/√N, so it needs far more:
 * at N = 2^18 = 262,144 samples every index is within 0.01 */
static void
test_sobol_ishigami_pseudo_random(void **state)
{
	g_autoptr(AccordSobol) sobol = run_ishigami(1u << 18, FALSE);

	assert_ishigami(sobol, 0.01);
}

/* f = x1 + 2·x2, x uniform on [0, 1]: V1 = 1/12, V2 = 4/12, no interaction, so
 * S1 = ST1 = 1/5 and S2 = ST2 = 4/5; a second output that never varies has no indices */
static void
test_sobol_additive_model_and_constant_output(void **state)
{
	guint n = 1u << 12;
	g_autoptr(AccordSobol) sobol = accord_sobol_new(2, 2, n);
	gsl_qrng *q = gsl_qrng_alloc(gsl_qrng_sobol, 4);

	for (guint j = 0; j < n; j++) {
		gdouble p[4], runs[8];

		gsl_qrng_get(q, p);
		/* per run: the model's output, then the constant 5 */
		runs[0] = p[0] + 2 * p[1];
		runs[2] = p[2] + 2 * p[3];
		runs[4] = p[2] + 2 * p[1];
		runs[6] = p[0] + 2 * p[3];
		runs[1] = runs[3] = runs[5] = runs[7] = 5;
		accord_sobol_add(sobol, j, runs);
	}
	accord_sobol_finish(sobol, 50, 1);
	assert_close(accord_sobol_get(sobol, 0, 0)->first, 0.2, 0.01);
	assert_close(accord_sobol_get(sobol, 0, 0)->total, 0.2, 0.01);
	assert_close(accord_sobol_get(sobol, 0, 1)->first, 0.8, 0.01);
	assert_close(accord_sobol_get(sobol, 0, 1)->total, 0.8, 0.01);
	/* V = 1/12 + 4/12 = 5/12 */
	assert_close(accord_sobol_get(sobol, 0, 0)->variance, 5.0 / 12, 0.005);
	assert_true(isnan(accord_sobol_get(sobol, 1, 0)->first));
	assert_close(accord_sobol_get(sobol, 1, 0)->variance, 0, 0);
	gsl_qrng_free(q);
}

/* samples are grouped into at most 256 consecutive units: 1000 samples → 256 units of 3 or
 * 4; 100 samples → one unit each */
static void
test_sobol_units(void **state)
{
	g_autoptr(AccordSobol) big = accord_sobol_new(1, 1, 1000);
	g_autoptr(AccordSobol) small = accord_sobol_new(1, 1, 100);

	assert_int_equal(accord_sobol_get_n_units(big), 256);
	assert_int_equal(accord_sobol_get_unit_start(big, 0), 0);
	assert_int_equal(accord_sobol_get_unit_start(big, 1), 3);
	assert_int_equal(accord_sobol_get_unit_start(big, 256), 1000);
	assert_int_equal(accord_sobol_get_n_units(small), 100);
	assert_int_equal(accord_sobol_get_unit_start(small, 7), 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sobol_ishigami_quasi_random),
	    cmocka_unit_test(test_sobol_ishigami_pseudo_random),
	    cmocka_unit_test(test_sobol_additive_model_and_constant_output),
	    cmocka_unit_test(test_sobol_units),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
