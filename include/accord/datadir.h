#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"

G_BEGIN_DECLS

const gchar *
accord_datadir_get(void);
G_GNUC_WARN_UNUSED_RESULT gchar *
accord_datadir_find_ruleset(const gchar *id_or_path, GError **error) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT gchar *
accord_datadir_find_ruleset_id(const gchar *id, GError **error) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT gchar *
accord_datadir_find_profile(const gchar *id_or_path, GError **error) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT gchar *
accord_datadir_get_vocabulary_path(void);
G_GNUC_WARN_UNUSED_RESULT gchar *
accord_datadir_get_parties_path(void);
G_GNUC_WARN_UNUSED_RESULT GPtrArray *
accord_datadir_list(const gchar *kind);

G_END_DECLS
