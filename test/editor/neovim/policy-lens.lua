-- Policy Lens in Neovim (0.7 or later). Put this in init.lua; it needs `policy-lens-server` on PATH
-- (`npm install -g <the policy-lens package>`), or change cmd to { 'node', '/path/to/dist/server.js', '--stdio' }.
-- This very file is what test/editor/neovim.test.ts runs in `nvim --headless`.
local function start_policy_lens(bufnr)
  local config = {
    name = 'policy-lens',
    cmd = { 'policy-lens-server', '--stdio' },
    cmd_env = { MALLOC_TRIM_THRESHOLD_ = '131072' }, -- as the VS Code client starts it (see Performance)
    root_dir = vim.fn.getcwd(),
    settings = { policyLens = { referenceStyle = '表1第35项' } },
    -- another city's plans: settings = { policyLens = { sources = { { path = 'policies/南京市总体方案.txt', prefix = '' } } } }
  }
  if vim.lsp.start then -- Neovim 0.8+: starts the server once per root, attaches the current buffer
    vim.lsp.start(config)
  else -- Neovim 0.7
    _G.policy_lens_client = _G.policy_lens_client or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, _G.policy_lens_client)
  end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'markdown', 'text' },
  callback = function(args) start_policy_lens(args.buf) end,
})

-- :PolicyLensCompare {earlier version}: what this plan changed against it (the tasks, their assignments, the
-- findings), as Markdown in a new window. The comparison is a report, not a plan: highlighted as Markdown without
-- the markdown filetype, which would check it.
vim.api.nvim_create_user_command('PolicyLensCompare', function(opts)
  local bufnr = vim.api.nvim_get_current_buf()
  local attached = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
  local client
  for _, c in ipairs(attached) do if c.name == 'policy-lens' then client = c end end
  if not client then return vim.notify('Policy Lens is not running for this buffer', vim.log.levels.WARN) end
  local params = { before = vim.uri_from_fname(vim.fn.fnamemodify(opts.args, ':p')), after = vim.uri_from_bufnr(bufnr) }
  client.request('policyLens/comparePlans', params, function(err, result)
    if err or result.error then return vim.notify('Policy Lens: ' .. (err and err.message or result.error), vim.log.levels.ERROR) end
    vim.cmd('vnew')
    vim.bo.buftype = 'nofile'
    vim.bo.syntax = 'markdown'
    vim.api.nvim_buf_set_lines(0, 0, -1, false, vim.split(result.markdown, '\n', { plain = true }))
  end, bufnr)
end, { nargs = 1, complete = 'file' })
