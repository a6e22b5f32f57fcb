-- Produces TeX's (LuaTeX's) hyphenation of every word of words.txt with the
-- hyph-fr patterns, \lefthyphenmin=2 and \righthyphenmin=3.
-- Run: luatex --ini --interaction=nonstopmode ./ref.tex (with ref.tex:
--   \catcode`\{=1 \catcode`\}=2 \directlua{dofile("ref.lua")}\end )
local f = io.open("hyph-fr.pat.txt"); local pats = f:read("a"); f:close()
local l = lang.new()
for _, c in utf8.codes(pats) do if c > 64 then lang.sethjcode(l, c, c) end end
lang.patterns(l, pats)
lang.prehyphenchar(l, 45)
local chars = {}
for c = 32, 0x2FF do chars[c] = {width = 65536} end
chars[0x153] = {width = 65536}
local fid = font.define({name = "fake", size = 655360, characters = chars, hyphenchar = 45})
local out = io.open("ref.txt", "w")
for w in io.lines("words.txt") do
  local head = node.new("glue"); local tail = head
  for _, c in utf8.codes(w) do
    local g = node.new("glyph")
    g.char = c; g.subtype = 1; g.lang = lang.id(l); g.left = 2; g.right = 3; g.uchyph = 1; g.font = fid
    head, tail = node.insert_after(head, tail, g)
  end
  local g2 = node.new("glue"); head, tail = node.insert_after(head, tail, g2)
  lang.hyphenate(head, tail)
  local s = {}
  for n in node.traverse(head) do
    if n.id == node.id("glyph") then s[#s+1] = utf8.char(n.char)
    elseif n.id == node.id("disc") then s[#s+1] = "-" end
  end
  out:write(w, "\t", table.concat(s), "\n")
end
out:close()
