// Word lists the bench writes lessons from. Lists marked "commonest first" are drawn with a Zipf-like spread.

/** Health and care nouns, commonest first: the head is in a large share of lessons, the tail in very few. */
export const NOUNS = [
  'patient', 'ward', 'shift', 'team', 'discharge', 'handover', 'medication', 'nurse', 'doctor', 'bed',
  'pharmacy', 'family', 'rota', 'theatre', 'clinic', 'referral', 'results', 'bloods', 'transfer', 'admission',
  'porter', 'printer', 'sepsis', 'falls', 'consultant', 'registrar', 'matron', 'physio', 'appointment', 'letter',
  'prescription', 'observations', 'escalation', 'triage', 'ambulance', 'transport', 'relatives', 'carer', 'dementia', 'delirium',
  'diabetes', 'insulin', 'antibiotics', 'cannula', 'catheter', 'dressing', 'wound', 'pressure', 'ulcer', 'nutrition',
  'hydration', 'fluids', 'oxygen', 'ventilation', 'resuscitation', 'deterioration', 'news2', 'bleep', 'pager', 'email',
  'laptop', 'login', 'smartcard', 'system', 'downtime', 'backup', 'outage', 'network', 'scanner', 'label',
  'specimen', 'laboratory', 'radiology', 'scan', 'x-ray', 'ultrasound', 'ecg', 'echo', 'endoscopy', 'biopsy',
  'outpatients', 'community', 'district', 'gp', 'hospice', 'palliative', 'safeguarding', 'consent', 'capacity', 'interpreter',
  'language', 'complaint', 'incident', 'datix', 'audit', 'policy', 'guideline', 'checklist', 'huddle', 'briefing',
  'debrief', 'induction', 'training', 'simulation', 'competency', 'supervision', 'wellbeing', 'sickness', 'vacancy', 'agency',
  'locum', 'bank', 'overtime', 'parking', 'canteen', 'laundry', 'linen', 'cleaning', 'infection', 'isolation',
  'norovirus', 'covid', 'flu', 'vaccination', 'ppe', 'mask', 'gloves', 'handwashing', 'sharps', 'waste',
  'equipment', 'pump', 'monitor', 'defibrillator', 'trolley', 'wheelchair', 'hoist', 'mattress', 'commode', 'frame',
  'stairs', 'lift', 'corridor', 'signage', 'reception', 'switchboard', 'telephone', 'voicemail', 'paging', 'whiteboard',
  'maternity', 'midwife', 'labour', 'neonatal', 'paediatrics', 'mental', 'crisis', 'ligature', 'restraint', 'seclusion',
  'stroke', 'thrombolysis', 'cardiac', 'chest', 'renal', 'dialysis', 'haemodialysis', 'oncology', 'chemotherapy', 'radiotherapy',
  'orthopaedic', 'fracture', 'plaster', 'anaesthetic', 'recovery', 'sedation', 'airway', 'tracheostomy', 'stoma', 'bariatric',
  'phlebotomy', 'anticoagulation', 'warfarin', 'heparin', 'opioid', 'naloxone', 'controlled', 'allergy', 'anaphylaxis', 'adrenaline',
  'chaplaincy', 'bereavement', 'mortuary', 'volunteer', 'governance', 'commissioning', 'procurement', 'estates', 'generator', 'flooding',
] as const;

/** Rare words: about one lesson in 30 names one of these, so each is in about one lesson in 2,000. */
export const RARE_WORDS = [
  'legionella', 'hyperkalaemia', 'pneumothorax', 'lithium', 'ketamine', 'tourniquet', 'cauda', 'aneurysm', 'meningitis', 'scabies',
  'mrsa', 'cdiff', 'hypoglycaemia', 'hyponatraemia', 'methotrexate', 'gentamicin', 'vancomycin', 'digoxin', 'clozapine', 'paracetamol',
  'nasogastric', 'gastrostomy', 'nephrostomy', 'epidural', 'intubation', 'extubation', 'bronchoscopy', 'colonoscopy', 'cystoscopy', 'angiogram',
  'pacemaker', 'tracheal', 'laryngectomy', 'amputation', 'burns', 'hypothermia', 'heatwave', 'snowfall', 'cyberattack', 'ransomware',
  'asbestos', 'fire-door', 'evacuation', 'blackout', 'sprinkler', 'pharmacogenomics', 'telehealth', 'wristband', 'barcode', 'courier',
  'chiropody', 'audiology', 'orthoptics', 'dietetics', 'podiatry', 'prosthetics', 'orthotics', 'phototherapy', 'hydrotherapy', 'lymphoedema',
] as const;

/** Two-word phrases, commonest first, so a quoted phrase search has something to find. */
export const PHRASES = [
  'discharge letter', 'handover sheet', 'drug chart', 'printer queue', 'bed board', 'night shift', 'ward round', 'theatre list',
  'rota gap', 'falls risk', 'sepsis screening', 'early warning', 'fluid balance', 'pressure area', 'blood results', 'care plan',
  'medicines reconciliation', 'escalation plan', 'patient transport', 'safety huddle', 'shift pattern', 'staff briefing', 'bank shift', 'agency nurse',
  'referral form', 'outpatient letter', 'clinic template', 'prescribing system', 'electronic record', 'smartcard login', 'network outage', 'backup printer',
  'specimen label', 'lab request', 'scan request', 'transfer checklist', 'resuscitation trolley', 'oxygen cylinder', 'infusion pump', 'insulin dose',
  'controlled drugs', 'allergy status', 'consent form', 'capacity assessment', 'interpreter booking', 'safeguarding referral', 'family meeting', 'bereavement pack',
  'isolation room', 'infection control', 'hand hygiene', 'sharps bin', 'hoist sling', 'pressure mattress', 'lift breakdown', 'generator test',
  'tracheostomy care', 'stoma care', 'bariatric equipment', 'anticoagulation clinic',
] as const;

/** Openings of an instruction, drawn evenly. */
export const VERBS = [
  'Check the', 'Name an owner for the', 'Agree who owns the', 'Confirm the', 'Share the', 'Escalate the', 'Record the', 'Review the',
  'Book the', 'Label the', 'Hand over the', 'Plan the', 'Test the', 'Brief the team on the', 'Audit the', 'Print the',
  'Update the', 'Double check the', 'Simplify the', 'Move the', 'Keep a spare', 'Write down the', 'Call ahead about the', 'Put up a sign for the',
  'Start the', 'Finish the', 'Ask pharmacy about the', 'Tell the family about the', 'Photograph the', 'Rehearse the',
] as const;

/** When or where it applies, drawn evenly. */
export const CONTEXTS = [
  'before the weekend', 'on night shift', 'at the start of each shift', 'when the ward is full', 'after a transfer', 'before going home',
  'during the ward round', 'at the safety huddle', 'on bank holidays', 'when the system is down', 'for every new starter', 'in the first hour',
  'before theatre', 'after a fall', 'when a patient deteriorates', 'during a go-live', 'at handover', 'before discharge',
  'in winter', 'when agency staff are on', 'out of hours', 'on the first day', 'when the lift is broken', 'during an outbreak',
  'before clinic opens', 'at the bed board meeting', 'when relatives visit', 'after midnight', 'on a Monday morning', 'at the end of the day',
] as const;

/** What went wrong or well, drawn evenly. */
export const EVENTS = [
  'was missed', 'stalled for an hour', 'was delayed', 'went to the wrong ward', 'was not updated', 'ran out', 'was lost',
  'was duplicated', 'worked well', 'was late again', 'was not checked', 'was left unattended', 'broke down', 'was done twice',
  'caused confusion', 'was never started', 'took three calls', 'was found in a drawer', 'was printed twice', 'held up discharge',
] as const;

/** Why it happened, drawn evenly. */
export const REASONS = [
  'Nobody owned the', 'There was no cover for the', 'The team did not know about the', 'Nobody had been trained on the',
  'The instructions were out of date for the', 'Everyone assumed someone else had the', 'The handover did not mention the',
  'The policy was unclear about the', 'Staff were stretched and skipped the', 'The system hid the', 'The phone number was wrong for the',
  'The night team could not find the', 'The checklist had no line for the', 'The locum had never seen the', 'No one escalated the',
] as const;

/** Tags, commonest first. */
export const TAGS = [
  'handover', 'discharge', 'prescribing', 'eprescribing', 'falls', 'sepsis', 'staffing', 'rota', 'theatres', 'it',
  'communication', 'infection', 'equipment', 'maternity', 'mental-health', 'safeguarding', 'deterioration', 'pharmacy', 'outpatients', 'estates',
  'training', 'wellbeing', 'transport', 'end-of-life', 'diabetes', 'stroke', 'paediatrics', 'radiology', 'laboratory', 'go-live',
] as const;

/** Techniques, commonest first. */
export const TECHNIQUES = [
  'after-action-review', 'retrospect', 'before-action-review', 'peer-assist', 'knowledge-cafe', 'communities-of-practice', 'action-learning-sets',
] as const;
