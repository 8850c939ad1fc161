// Same-day batches: employers with several confirmation cases filed, or decided, on the same
// day - "40 applications, 40 awards on one day" (red flag P8). Each batch lists its case numbers
// and how many of them the employer did not contest.
//
// Parameters:
//   $min_cases  the smallest batch to report (e.g. 3)
//   $limit      the most batches to return
//
// Returns one row per (employer, filing or decision day), biggest batches first.
CALL () {
  MATCH (e:Employer)-[:PARTY_IN]->(c:Case)
  WHERE c.filing_date IS NOT NULL
  RETURN e, 'filing' AS date_kind, c.filing_date AS day, c
  UNION ALL
  MATCH (e:Employer)-[:PARTY_IN]->(c:Case)
  WHERE c.decision_date IS NOT NULL
  RETURN e, 'decision' AS date_kind, c.decision_date AS day, c
}
WITH e, date_kind, day, c
ORDER BY c.id
WITH e, date_kind, day, collect(DISTINCT c) AS cases
WHERE size(cases) >= $min_cases
RETURN e.id AS employer_id,
       e.name AS employer,
       e.insured_headcount AS insured_headcount,
       date_kind,
       day,
       size(cases) AS cases,
       size([c IN cases WHERE c.defendant_response IN ['admits', 'no_objection']]) AS uncontested,
       [c IN cases | coalesce(c.case_number, c.id)] AS case_numbers
ORDER BY cases DESC, employer_id, date_kind DESC, day
LIMIT $limit
