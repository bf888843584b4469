'use strict';

Object.defineProperty(exports, '__esModule', { value: true });

var plugin = require('./plugin.cjs.js');

exports.default = plugin.permissionPlugin;
