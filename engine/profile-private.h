#pragma once

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

G_END_DECLS
