#include "config.h"

#include "accord/error.h"

/**
 * accord_error_quark:
 *
 * Returns: the quark of the `ACCORD_ERROR` domain
 */
G_DEFINE_QUARK(accord - error - quark, accord_error)

/**
 * accord_error_is_input:
 * @error: (nullable): an error
 *
 * Tells whether @error blames the input files (rather than usage, output or Accord itself).
 *
 * Returns: %TRUE for `ACCORD_ERROR_IO` … `ACCORD_ERROR_VALUE`
 */
gboolean
accord_error_is_input(const GError *error)
{
	if (error == NULL || error->domain != ACCORD_ERROR)
		return FALSE;
	return error->code <= ACCORD_ERROR_VALUE;
}
