#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"

G_BEGIN_DECLS

/**
 * AccordDatedSource:
 * @date: the date, YYYY-MM-DD
 * @title: what the source says
 * @href: the page it was read on
 *
 * A date with the source it rests on; owned by #AccordParties.
 */
typedef struct {
	const gchar *date;
	const gchar *title;
	const gchar *href;
} AccordDatedSource;

/**
 * AccordParty:
 * @country: its country code
 * @signed_on: (nullable): when it signed the agreement (or its accession), %NULL if unsourced
 * @in_force: (nullable): when the agreement entered into force for it; %NULL when it has
 *   not, or the date could not be sourced
 * @note: (nullable): what the data says about gaps and disagreements
 *
 * One party of one agreement; owned by #AccordParties.
 */
typedef struct {
	const gchar *country;
	const AccordDatedSource *signed_on;
	const AccordDatedSource *in_force;
	const gchar *note;
} AccordParty;

/**
 * AccordParties:
 *
 * Who is bound by each agreement ruleset and since when, loaded from a parties file
 * (`agreements/parties.xml`); immutable and shared by reference (accord_parties_ref()).
 */
typedef struct _AccordParties AccordParties;

G_GNUC_WARN_UNUSED_RESULT AccordParties *
accord_parties_load_file(const gchar *path, GError **error) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordParties *
accord_parties_load_data(const gchar *data, gsize len, const gchar *name, GError **error)
    ACCORD_NON_NULL(1);
AccordParties *
accord_parties_ref(const AccordParties *self) ACCORD_NON_NULL(1);
void
accord_parties_unref(AccordParties *self);
const gchar *
accord_parties_get_version(const AccordParties *self) ACCORD_NON_NULL(1);
guint
accord_parties_get_n_agreements(const AccordParties *self) ACCORD_NON_NULL(1);
const gchar *
accord_parties_get_ruleset(const AccordParties *self, guint index) ACCORD_NON_NULL(1);
const gchar *
accord_parties_get_name(const AccordParties *self, guint index) ACCORD_NON_NULL(1);
gboolean
accord_parties_has_ruleset(const AccordParties *self, const gchar *ruleset) ACCORD_NON_NULL(1, 2);
guint
accord_parties_get_n_parties(const AccordParties *self, guint index) ACCORD_NON_NULL(1);
const AccordParty *
accord_parties_get_party(const AccordParties *self, guint index, guint party) ACCORD_NON_NULL(1);
gboolean
accord_parties_is_bound(const AccordParties *self,
			const gchar *ruleset,
			const gchar *country,
			const gchar *date) ACCORD_NON_NULL(1, 2, 3, 4);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordParties, accord_parties_unref)

G_END_DECLS
