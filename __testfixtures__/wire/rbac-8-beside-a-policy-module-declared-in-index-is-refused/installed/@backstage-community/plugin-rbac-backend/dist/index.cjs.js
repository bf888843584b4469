'use strict';

Object.defineProperty(exports, '__esModule', { value: true });

var router = require('./service/router.cjs.js');
var plugin = require('./plugin.cjs.js');

exports.createRouter = router.createRouter;
exports.default = plugin.rbacPlugin;
