import { describe, expect, test } from 'vitest';
import { createConverters, type OpenccConfig } from '@tongwen/convert';

/** `[config, input, tongwen, plain opencc-js]`: each trap, word-aware vs greedy. */
const traps: Array<[OpenccConfig, string, string, string]> = [
  // Word boundaries (the greedy match's classic errors), no table entry needed
  ['s2t', '分支和合并分支', '分支和合併分支', '分支和合並分支'],
  ['s2t', '提交并且推送', '提交並且推送', '提交併且推送'],
  ['s2t', '包括发生错误', '包括發生錯誤', '包括髮生錯誤'],
  ['s2t', '更复杂', '更複雜', '更復雜'],
  ['s2tw', '一个中央服务器', '一個中央服務器', '一箇中央服務器'],
  ['s2t', '先尝试', '先嘗試', '先嚐試'],
  ['s2tw', '脚本里', '腳本裡', '腳本里'],
  ['s2tw', '这里面包含', '這裡面包含', '這裡麵包含'],
  ['s2t', '也就是只输出', '也就是只輸出', '也就是隻輸出'],
  // Text already converted is kept (converting converted text changes nothing)
  ['s2t', '互不干擾', '互不干擾', '互不幹擾'],
  ['s2tw', '說明了', '說明了', '說明瞭'],
  // simplifiedToTraditional
  ['s2tw', '并为其创建网络', '並為其創建網絡', '併為其創建網絡'],
  ['s2tw', '合并为一个', '合併為一個', '合併為一個'],
  // segmentationWords
  ['s2twp', '注册表单', '註冊表單', '登錄檔單'],
  ['s2t', '周线图', '週線圖', '週線圖'],
  ['tw2sp', '乙太網絡', '以太网络', '以太网络'],
  ['s2twp', '逐字节保持', '逐位元組保持', '逐位元組保持'],
];

/** `[input, s2twt, s2twp]`: every entry of the tech profile. */
const tech: Array<[string, string, string]> = [
  ['权限', '權限', '許可權'],
  ['脚本', '腳本', '指令碼'],
  ['实例', '實例', '例項'],
  ['扩展', '擴充', '擴充套件'],
  ['回调', '回呼', '回撥'],
  ['参数', '參數', '引數'],
  ['镜像', '映像', '映象'],
  ['修改注册表', '修改註冊表', '修改登錄檔'], // s2twp: 登錄檔 only beside a Windows cue (senses.ts)
  ['进程', '行程', '程序'],
  ['示例', '範例', '示例'],
  ['当前', '目前', '當前'],
  ['获取', '取得', '獲取'],
  ['令牌', '權杖', '令牌'],
  ['凭据', '憑證', '憑據'],
  ['生成', '產生', '生成'],
  ['平台', '平台', '平臺'],
  ['配置文件', '設定檔', '配置檔案'],
  ['配置项', '設定項', '配置項'],
];

describe('the correction table', () => {
  test('every trap: word-aware output, and what plain opencc-js gives', async () => {
    const tongwen = await createConverters();
    const plain = await createConverters({ segmentation: false });
    expect(traps.map(([config, input]) => [config, input, tongwen.get(config)(input), plain.get(config)(input)])).toEqual(traps);
  });

  test('every entry of the tech profile, against s2twp; its output converts to itself', async () => {
    const converters = await createConverters();
    const s2twt = converters.get('s2twt');
    expect(tech.map(([input]) => [input, s2twt(input), converters.get('s2twp')(input)])).toEqual(tech);
    expect(tech.map(([, output]) => s2twt(output))).toEqual(tech.map(([, output]) => output));
  });
});
