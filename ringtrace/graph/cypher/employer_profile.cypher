// Employer profile: one employer's registry facts beside its record of confirmation cases -
// how many cases and distinct workers, when they were filed, how many the employer did not
// contest, were mediated or confirmed, its busiest filing day, and who acted for it.
// A small insured headcount against many uncontested cases in a short window is red flag R2/R3.
//
// Parameters:
//   $employer  the employer's node id (Employer:…), its exact name, or its USCC
//
// Returns one row per matching employer.
MATCH (e:Employer)
WHERE e.id = $employer OR e.name = $employer OR e.uscc = $employer
OPTIONAL MATCH (e)-[:PARTY_IN]->(c:Case)
WITH e, collect(DISTINCT c) AS cases
CALL (e) {
  OPTIONAL MATCH (e)-[:PARTY_IN]->(:Case)<-[:PARTY_IN {side: 'worker'}]-(w)
  RETURN count(DISTINCT w) AS workers
}
CALL (e) {
  OPTIONAL MATCH (e)-[:PARTY_IN]->(c:Case)
  WHERE c.filing_date IS NOT NULL
  WITH c.filing_date AS day, count(DISTINCT c) AS n
  ORDER BY n DESC, day
  RETURN head(collect({day: day, cases: n})) AS busiest
}
CALL (e) {
  OPTIONAL MATCH (e)-[:PARTY_IN]->(:Case)<-[ag:AGENT_IN]-(a:Person)
  WHERE ag.represents_side = 'employer'
  WITH DISTINCT a
  ORDER BY a.name, a.id
  RETURN collect(a.name) AS employer_agents
}
RETURN e.id AS employer_id,
       e.name AS name,
       e.uscc AS uscc,
       e.status AS status,
       e.founded AS founded,
       e.insured_headcount AS insured_headcount,
       size(cases) AS cases,
       workers,
       reduce(m = null, c IN cases |
              CASE WHEN c.filing_date IS NOT NULL AND (m IS NULL OR c.filing_date < m)
                   THEN c.filing_date ELSE m END) AS first_filing,
       reduce(m = null, c IN cases |
              CASE WHEN c.filing_date IS NOT NULL AND (m IS NULL OR c.filing_date > m)
                   THEN c.filing_date ELSE m END) AS last_filing,
       size([c IN cases WHERE c.defendant_response IN ['admits', 'no_objection']]) AS uncontested,
       size([c IN cases WHERE c.outcome = 'mediated']) AS mediated,
       size([c IN cases WHERE c.outcome = 'confirmed']) AS confirmed,
       busiest.day AS busiest_filing_day,
       busiest.cases AS busiest_day_cases,
       employer_agents
ORDER BY employer_id
