-- Drives Neovim's own LSP client against `mlsd lsp --stdio`, the way a user does: open a design
-- doc, wait for mlsd's diagnostics, put the cursor on one, run :lua vim.lsp.buf.code_action() and
-- pick the fix, then wait for the re-check. Writes what it saw as JSON to $MLSD_RESULT for the mocha
-- test (test/editors/neovim.test.ts) to judge. Uses only APIs Neovim 0.7 has (Debian bookworm's):
-- vim.lsp.start_client + buf_attach_client rather than 0.8's vim.lsp.start.
local result = { steps = {} }
local function step(name) table.insert(result.steps, name) end

local function finish(error_message)
  result.error = error_message
  local file = assert(io.open(os.getenv('MLSD_RESULT'), 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local function summarize(diagnostics)
  local list = {}
  for _, diagnostic in ipairs(diagnostics) do
    table.insert(list, { line = diagnostic.lnum, col = diagnostic.col, code = diagnostic.code, source = diagnostic.source, message = diagnostic.message })
  end
  return list
end

local ok, err = pcall(function()
  -- This whole script runs during start-up, before Neovim would switch filetype detection on.
  vim.cmd('filetype on')
  local doc = os.getenv('MLSD_DOC')
  local timeout = tonumber(os.getenv('MLSD_TIMEOUT_MS') or '30000')
  vim.cmd('edit ' .. vim.fn.fnameescape(doc))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  local client_id = vim.lsp.start_client({
    name = 'mlsd',
    cmd = vim.fn.json_decode(os.getenv('MLSD_SERVER_CMD')),
    root_dir = vim.fn.fnamemodify(doc, ':h'),
    settings = { mlsd = { run = 'onType' } },
  })
  assert(client_id, 'the mlsd server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  local published = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  assert(published, 'no diagnostics from mlsd within ' .. timeout .. ' ms')
  local before = vim.diagnostic.get(bufnr)
  result.before = summarize(before)
  step('diagnostics')

  local target
  for _, diagnostic in ipairs(before) do
    if diagnostic.code == os.getenv('MLSD_RULE') then target = diagnostic end
  end
  assert(target, 'no ' .. os.getenv('MLSD_RULE') .. ' diagnostic')
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })

  -- The user's pick in the code action menu: the title the test asks for.
  local offered = {}
  local picked = false
  vim.ui.select = function(items, opts, on_choice)
    local choice
    for _, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or item[2].title
      table.insert(offered, title)
      if title == os.getenv('MLSD_ACTION') then choice = item end
    end
    picked = choice ~= nil
    on_choice(choice)
  end
  local changedtick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  assert(vim.wait(timeout, function() return #offered > 0 end, 50), 'no code actions offered')
  result.offered = offered
  assert(picked, 'the code action "' .. os.getenv('MLSD_ACTION') .. '" was not offered')
  assert(vim.wait(timeout, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= changedtick end, 50), 'the code action did not edit the buffer')
  result.edited_line = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
  step('applied')

  local rechecked = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) < #before end, 50)
  result.after = summarize(vim.diagnostic.get(bufnr))
  assert(rechecked, 'no re-check with fewer diagnostics within ' .. timeout .. ' ms')
  step('rechecked')
  vim.lsp.stop_client(client_id)
end)

finish(not ok and tostring(err) or nil)
