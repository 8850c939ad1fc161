// Shared identifiers: phone numbers and addresses given by several different people or
// employers. Applicants who share a phone or a precise address with each other, with an agent or
// with the employer they sued are a collusion signal (red flag G1); the documents that recorded
// the contact are listed so each link can be checked.
//
// Parameters:
//   $min_owners  the fewest distinct owners an identifier must have (2 or more)
//   $limit       the most identifiers to return
//
// Returns one row per identifier, most owners first.
MATCH (i:Identifier)<-[r:HAS_PHONE|HAS_ADDRESS]-(o:RtNode)
WITH i, o, collect(DISTINCT r.source_doc) AS docs
ORDER BY o.id
WITH i,
     collect(o.id) AS owner_ids,
     collect(o.name) AS owner_names,
     size([x IN collect(o) WHERE x:Employer]) AS employers,
     reduce(acc = [], d IN collect(docs) | acc + d) AS documents
WHERE size(owner_ids) >= $min_owners
UNWIND documents AS doc
WITH i, owner_ids, owner_names, employers, doc
ORDER BY doc
WITH i, owner_ids, owner_names, employers, collect(DISTINCT doc) AS documents
RETURN i.kind AS kind,
       i.value AS value,
       size(owner_ids) AS owners,
       employers,
       owner_names,
       owner_ids,
       documents
ORDER BY owners DESC, kind, value
LIMIT $limit
