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
