#pragma once

#include "accord/rank.h"

G_BEGIN_DECLS

/* a ranking's rows out of memory (rank-records.c): a fixed-size record per country in an
 * unlinked temporary file and its profile summary's strings in another, so that a batch of
 * any size ranks in a few bytes a country */
typedef struct _AccordRankRecords AccordRankRecords;

AccordRankRecords *
accord_rank_records_new(guint n_cells, GError **error);
void
accord_rank_records_free(AccordRankRecords *self);
guint
accord_rank_records_get_n(const AccordRankRecords *self);
gboolean
accord_rank_records_append(AccordRankRecords *self,
			   const AccordRankRow *row,
			   const AccordRankCell *cells,
			   GError **error);
gboolean
accord_rank_records_read(AccordRankRecords *self,
			 guint k,
			 const AccordVocabulary *vocab,
			 AccordRankRow *row,
			 AccordRankCell *cells);
gchar *
accord_rank_records_get_id(AccordRankRecords *self, guint k);
gchar *
accord_rank_records_get_filename(AccordRankRecords *self, guint k);
gboolean
accord_rank_records_set_place(AccordRankRecords *self, guint k, guint position, gboolean tied);
gboolean
accord_rank_records_check(const AccordRankRecords *self, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRankRecords, accord_rank_records_free)

G_END_DECLS
