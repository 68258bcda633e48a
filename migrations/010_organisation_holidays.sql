-- Which UK nation's bank holidays an organisation keeps (issue 12): days Mobilise proposes avoid them. An organisation
-- that is not registered (a workspace or team on its own) keeps England and Wales', the default here too.
ALTER TABLE organisations
  ADD COLUMN holidays text NOT NULL DEFAULT 'england-and-wales'
  CHECK (holidays IN ('england-and-wales', 'scotland', 'northern-ireland'));
