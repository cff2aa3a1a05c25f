#pragma once

#include <libxml/tree.h>

#include "accord/profile.h"

G_BEGIN_DECLS

AccordProfile *
accord_profile_load_data_checked(const gchar *data,
				 gsize len,
				 const gchar *name,
				 const AccordVocabulary *vocab,
				 gboolean always_schema,
				 GError **error);
AccordProfile *
accord_profile_new_summary(const AccordProfile *base, gboolean assumed_only);
gboolean
accord_profile_equal(const AccordProfile *a, const AccordProfile *b, gchar **why);

/* the builder both loaders fill (profile.c); strings are owned by the profile once given */
AccordProfile *
accord_profile_builder_new(const AccordVocabulary *vocab, const gchar *name);
gboolean
accord_profile_builder_set_header(AccordProfile *self,
				  const xmlNode *node,
				  gchar *country,
				  gchar *name,
				  gchar *as_of,
				  gchar *id,
				  GError **error);
void
accord_profile_builder_set_note(AccordProfile *self, AccordProfileFact *fact, gchar *text);
gboolean
accord_profile_builder_add_figure(AccordProfile *self,
				  const xmlNode *node,
				  gchar *name,
				  gchar *value,
				  gchar *rank,
				  gchar *source,
				  GError **error);
AccordIndexFigure *
accord_profile_builder_put_figure(AccordProfile *self,
				  gchar *name,
				  gdouble value,
				  guint rank,
				  gchar *source);
AccordProfileFact *
accord_profile_builder_add_fact(AccordProfile *self,
				const xmlNode *node,
				gchar *key,
				gchar *value,
				gchar *confidence,
				GError **error);
gboolean
accord_profile_builder_add_evidence(AccordProfile *self,
				    const xmlNode *node,
				    AccordProfileFact *fact,
				    gchar *title,
				    gchar *href,
				    gchar *date,
				    gchar *expires,
				    GError **error);
void
accord_profile_builder_finish(AccordProfile *self);

/* the streamed reader (profile-sax.c): a valid profile in the forms it decides, or NULL for
 * the DOM loader to load or refuse, with its error */
AccordProfile *
accord_profile_read_streamed(const gchar *data,
			     gsize len,
			     const gchar *name,
			     const AccordVocabulary *vocab);

G_END_DECLS
