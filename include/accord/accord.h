#pragma once

#define __ACCORD_H_INSIDE__

#include "accord/version.h"
#include "assessment.h"
#include "compare.h"
#include "datadir.h"
#include "diff.h"
#include "document.h"
#include "error.h"
#include "evaluate.h"
#include "explain.h"
#include "format.h"
#include "gaps.h"
#include "input.h"
#include "parties.h"
#include "plan.h"
#include "profile.h"
#include "rank.h"
#include "roadmap.h"
#include "ruleset.h"
#include "score.h"
#include "tailoring.h"
#include "uncertainty.h"
#include "views.h"
#include "vocabulary.h"
#include "waiver.h"

#undef __ACCORD_H_INSIDE__
