-- Headless Neovim (0.7+) as a real LSP client: open a draft, start the policylint server over stdio,
-- wait for its diagnostics, hover a position, and write what it saw as JSON to $OUT for the test to
-- judge. Exits 0 when the session completed, 1 (with a reason on stderr) when it could not.
local function main()
  local server_js = assert(os.getenv('SERVER_JS'), 'SERVER_JS not set')
  local file = assert(os.getenv('TEST_FILE'), 'TEST_FILE not set')
  local out_file = assert(os.getenv('OUT'), 'OUT not set')
  local hover_line = tonumber((assert(os.getenv('HOVER_LINE'), 'HOVER_LINE not set')))
  local hover_char = tonumber((assert(os.getenv('HOVER_CHAR'), 'HOVER_CHAR not set')))

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()

  local client_id = vim.lsp.start_client({
    name = 'policylint',
    cmd = { 'node', server_js, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    on_exit = function(code, signal)
      if code ~= 0 then io.stderr:write(('server exited code=%s signal=%s\n'):format(code, signal)) end
    end,
  })
  if not client_id then error('start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- Diagnostics are pushed (Neovim 0.7 has no pull diagnostics) after didOpen and the server's debounce.
  if not vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then error('no diagnostics within 20s') end
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(diagnostics, { code = d.code, line = d.lnum, message = d.message })
  end

  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hover_line, character = hover_char } }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 20000)
  if not responses then error('hover request failed: ' .. tostring(err)) end
  local response = responses[client_id]
  local hover = ''
  if response and response.result then
    hover = table.concat(vim.lsp.util.convert_input_to_markdown_lines(response.result.contents), '\n')
  end

  local out = io.open(out_file, 'w')
  out:write(vim.fn.json_encode({ diagnostics = diagnostics, hover = hover }))
  out:close()

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  vim.cmd('qall!')
end

-- Any error ends Neovim with status 1 instead of leaving it waiting for input.
local ok, err = xpcall(main, debug.traceback)
if not ok then
  io.stderr:write('FAIL: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
