#pragma once

/* cmocka needs these before its header */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <accord/accord.h>

/* cmocka 1.1's assert_float_equal casts to float; this compares doubles and prints both */
#define assert_close(actual, expected, tolerance)                                                  \
	do {                                                                                       \
		double a_ = (actual), e_ = (expected);                                             \
		if (!(fabs(a_ - e_) <= (tolerance))) {                                             \
			print_error("%s = %.12g, expected %.12g (tolerance %g)\n",                 \
				    #actual,                                                       \
				    a_,                                                            \
				    e_,                                                            \
				    (double)(tolerance));                                          \
			fail();                                                                    \
		}                                                                                  \
	} while (0)

/* an error of the Accord domain with this code, whose message starts with "name:line:" */
#define assert_accord_error(error, code_, prefix)                                                  \
	do {                                                                                       \
		assert_non_null(error);                                                            \
		if ((error)->domain != ACCORD_ERROR || (error)->code != (code_) ||                 \
		    !g_str_has_prefix((error)->message, (prefix))) {                               \
			print_error("got error %s/%d '%s', expected code %d with prefix '%s'\n",   \
				    g_quark_to_string((error)->domain),                            \
				    (error)->code,                                                 \
				    (error)->message,                                              \
				    (code_),                                                       \
				    (prefix));                                                     \
			fail();                                                                    \
		}                                                                                  \
	} while (0)

static inline gchar *
test_data_path(const gchar *relative)
{
	return g_build_filename(TEST_DATA_DIR, relative, NULL);
}
