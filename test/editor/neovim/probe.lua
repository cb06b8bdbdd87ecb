-- Run by test/editor/neovim.test.ts after the plan is open: waits for the language server's diagnostics, asks for a
-- hover and a completion the way an LSP client does, and writes what came back as JSON to $POLICY_LENS_PROBE_OUT.
local out = { errors = {} }
local timeout = tonumber(vim.env.POLICY_LENS_PROBE_TIMEOUT_MS or '20000')

local function clients()
  if vim.lsp.get_clients then return vim.lsp.get_clients({ bufnr = 0 }) end
  return vim.tbl_values(vim.lsp.buf_get_clients(0))
end

-- LSP position of the byte offset `col` (0-based) on 0-based line `row`, in the client's encoding.
local function lsp_position(client, row, col)
  local line = vim.api.nvim_buf_get_lines(0, row, row + 1, false)[1]
  local character = col
  if client.offset_encoding ~= 'utf-8' then
    local utf32, utf16 = vim.str_utfindex(line, col)
    character = client.offset_encoding == 'utf-32' and utf32 or utf16
  end
  return { line = row, character = character }
end

local function find(text, after)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local s, e = line:find(text, 1, true)
    if s then return row - 1, (after and e or s - 1) end
  end
end

local function request(client, method, row, col)
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = lsp_position(client, row, col) }
  local responses = vim.lsp.buf_request_sync(0, method, params, 5000) or {}
  for _, r in pairs(responses) do
    if r.err then table.insert(out.errors, method .. ': ' .. vim.inspect(r.err)) end
    if r.result then return r.result end
  end
end

local function hover_text(result)
  if not result then return '' end
  local c = result.contents
  if type(c) == 'string' then return c end
  if c.value then return c.value end
  local parts = {}
  for _, part in ipairs(c) do table.insert(parts, type(part) == 'string' and part or part.value) end
  return table.concat(parts, '\n')
end

out.nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
out.filetype = vim.bo.filetype
out.attached = vim.wait(timeout, function() return #clients() > 0 end, 50)
local client = clients()[1]
local plan_buf = vim.api.nvim_get_current_buf()
if client then
  out.client = client.name
  out.diagnostics_arrived = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'unknown-task' then return true end end
    return false
  end, 100)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, code = d.code, source = d.source, message = d.message, severity = d.severity })
  end

  -- The server answers hovers only once its task index is loaded: ask until the text comes back.
  local row, col = find('表4第9项')
  out.hover = ''
  vim.wait(timeout, function()
    out.hover = hover_text(request(client, 'textDocument/hover', row, col + 3))
    return out.hover ~= ''
  end, 250)

  -- the source's card over its title in the plan's first sentence
  local trow, tcol = find('广州市服务业扩大开放综合试点总体方案')
  out.document_hover = hover_text(request(client, 'textDocument/hover', trow, tcol + 3))

  local crow, ccol = find('参照表1第', true)
  local completion = request(client, 'textDocument/completion', crow, ccol)
  local items = completion and (completion.items or completion) or {}
  out.completion = {}
  for _, item in ipairs(items) do table.insert(out.completion, item.label) end

  -- workspace symbols (:lua vim.lsp.buf.workspace_symbol('数字人民币') asks the same) and the highlights of 表4第9项
  local symbols = vim.lsp.buf_request_sync(0, 'workspace/symbol', { query = '数字人民币' }, 5000) or {}
  out.symbols = {}
  for _, r in pairs(symbols) do
    if r.err then table.insert(out.errors, 'workspace/symbol: ' .. vim.inspect(r.err)) end
    for _, s in ipairs(r.result or {}) do table.insert(out.symbols, s.name) end
  end
  out.highlights = {}
  for _, h in ipairs(request(client, 'textDocument/documentHighlight', row, col + 3) or {}) do
    table.insert(out.highlights, h.range.start.line)
  end

  -- :PolicyLensCompare against an earlier version the test wrote ($POLICY_LENS_PROBE_EARLIER): the new window's text
  if vim.env.POLICY_LENS_PROBE_EARLIER then
    local plan = vim.api.nvim_get_current_buf()
    vim.cmd('PolicyLensCompare ' .. vim.fn.fnameescape(vim.env.POLICY_LENS_PROBE_EARLIER))
    vim.wait(timeout, function() return vim.api.nvim_get_current_buf() ~= plan end, 50)
    if vim.api.nvim_get_current_buf() ~= plan then
      out.comparison = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
      out.comparison_filetype = vim.bo.filetype
      out.comparison_attached = #(vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = 0 }) or vim.tbl_values(vim.lsp.buf_get_clients(0))) > 0
    end
  end

  -- the source's text ($POLICY_LENS_PROBE_SOURCE) in a window of its own: its code lenses, by :lua vim.lsp.codelens.refresh()
  if vim.env.POLICY_LENS_PROBE_SOURCE then
    vim.cmd('vsplit ' .. vim.fn.fnameescape(vim.env.POLICY_LENS_PROBE_SOURCE))
    local source = vim.api.nvim_get_current_buf()
    vim.wait(timeout, function() return #clients() > 0 end, 50)
    out.lenses = {}
    vim.wait(timeout, function()
      vim.lsp.codelens.refresh()
      vim.wait(300)
      for _, lens in ipairs(vim.lsp.codelens.get(source) or {}) do
        if lens.command then out.lenses[tostring(lens.range.start.line)] = lens.command.title end
      end
      return next(out.lenses) ~= nil
    end, 500)
  end

  -- every preferred fix at once, the source action source.fixAll.policyLens (Neovim 0.8+ applies it with
  -- vim.lsp.buf.code_action({ context = { only = { 'source.fixAll' } }, apply = true }); 0.7 asks, so the probe asks
  -- for it and applies its edit as that would)
  vim.api.nvim_set_current_buf(plan_buf)
  local range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } }
  local actions = vim.lsp.buf_request_sync(plan_buf, 'textDocument/codeAction',
    { textDocument = vim.lsp.util.make_text_document_params(plan_buf), range = range, context = { diagnostics = {}, only = { 'source.fixAll' } } }, 5000) or {}
  out.fix_all_kinds = {}
  for _, r in pairs(actions) do
    if r.err then table.insert(out.errors, 'textDocument/codeAction: ' .. vim.inspect(r.err)) end
    for _, action in ipairs(r.result or {}) do
      table.insert(out.fix_all_kinds, action.kind)
      if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16') end
    end
  end
  out.fixed = table.concat(vim.api.nvim_buf_get_lines(plan_buf, 0, -1, false), '\n')

  -- the workspace check as the README gives it: policyLens/checkWorkspace, then the diagnostics in the quickfix list
  -- (a plan that is not open among them)
  local checked = false
  vim.lsp.buf_request(plan_buf, 'policyLens/checkWorkspace', vim.NIL, function(err, result)
    if err then table.insert(out.errors, 'policyLens/checkWorkspace: ' .. vim.inspect(err)) end
    out.workspace_plans = result and #result.plans or 0
    vim.diagnostic.setqflist({ open = false })
    checked = true
  end)
  vim.wait(timeout, function() return checked end, 50)
  out.quickfix = {}
  for _, item in ipairs(vim.fn.getqflist()) do
    table.insert(out.quickfix, vim.fn.fnamemodify(vim.fn.bufname(item.bufnr), ':t') .. ' ' .. (item.text or ''))
  end
end

local f = assert(io.open(vim.env.POLICY_LENS_PROBE_OUT, 'w'))
f:write(vim.fn.json_encode(out))
f:close()
vim.cmd('qall!')
