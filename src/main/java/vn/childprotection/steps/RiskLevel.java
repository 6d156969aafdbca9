package vn.childprotection.steps;

/** High, medium or low: the risk level of the assessment of risks and needs and the four criteria of the plan review. */
enum RiskLevel { HIGH, MEDIUM, LOW }
