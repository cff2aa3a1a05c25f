#include "config.h"

#include "writer-private.h"

/* temporary: replaced by the real roadmap writers in this commit series */
void
accord_writer_roadmap_text(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the roadmap view has no text writer yet)\n");
}

void
accord_writer_roadmap_markdown(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the roadmap view has no markdown writer yet)\n");
}

void
accord_writer_roadmap_csv(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the roadmap view has no csv writer yet)\n");
}

void
accord_writer_roadmap_json(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the roadmap view has no json writer yet)\n");
}
