// Traditional → simplified for the characters of typical ad, scam and spam words, one code unit to one, so
// offsets survive the mapping. Deliberately small: only characters that are never themselves simplified
// characters (乾 著 藉 瞭 麽 沖 are left out because simplified text uses them too).
// Each entry is "TS": the traditional character followed by its simplified one.
const PAIRS = `
華华 號号 資资 賺赚 錢钱 導导 師师 購购 買买 賣卖 優优 團团 線线 綫线 網网 車车 裡里 裏里 價价 費费 貨货 貸贷 賬账 帳帐
額额 銀银 幣币 財财 貴贵 贈赠 獎奖 勵励 點点 擊击 單单 訂订 發发 髮发 郵邮 遞递 運运 幫帮 這这 個个 們们 來来 時时 會会
員员 處处 與与 為为 爲为 對对 開开 關关 門门 問问 間间 聞闻 閱阅 讀读 說说 話话 請请 認认 識识 證证 護护 試试 詢询 諮咨
誠诚 論论 課课 調调 談谈 謝谢 讓让 議议 設设 計计 記记 許许 評评 詳详 語语 誤误 變变 體体 東东 長长 紅红 約约 級级 紙纸
組组 終终 結结 絕绝 給给 統统 經经 維维 編编 總总 續续 馬马 騙骗 驗验 黃黄 陽阳 隊队 險险 難难 雙双 電电 靈灵 頁页 項项
預预 領领 頭头 題题 類类 顧顾 顯显 風风 飛飞 飯饭 館馆 養养 餘余 驚惊 鬥斗 讚赞 贊赞 贏赢 負负 貼贴 賀贺 賞赏 賓宾 質质
賴赖 賽赛 軟软 輕轻 載载 輸输 轉转 辦办 農农 邊边 達达 遠远 選选 還还 醫医 鈔钞 鋼钢 錄录 錯错 鍵键 鏈链 鐵铁 鑽钻 閃闪
閒闲 閑闲 區区 協协 廠厂 廣广 歷历 曆历 壓压 參参 嚴严 圖图 國国 園园 場场 塊块 報报 壞坏 聲声 媽妈 學学 寶宝 實实 專专
帶带 幾几 強强 當当 從从 復复 複复 態态 應应 戰战 戶户 掃扫 掛挂 換换 據据 擔担 擁拥 擇择 擴扩 數数 斷断 無无 舊旧 書书
條条 標标 機机 樣样 權权 檢检 殺杀 氣气 滿满 熱热 獲获 現现 產产 碼码 職职 聯联 聽听 藥药 補补 裝装 製制 見见 視视 親亲
覺觉 觀观 訊讯 註注 冊册 講讲 販贩 賠赔 賭赌 傭佣 傳传 儲储 僅仅 稱称 後后 沒没 動动 萬万 億亿 兩两 麼么 嗎吗 愛爱 搶抢
營营 緣缘 詐诈 誘诱 闆板 頻频 顆颗 髒脏 臟脏 鬆松 減减 壯壮 腎肾 豔艳 訴诉 貿贸 連连 週周 騷骚 鬧闹 遊游 係系 繫系 準准
採采 於于
`;

function parse(pairs: string): Map<number, number> {
  const map = new Map<number, number>();
  for (const pair of pairs.split(/\s+/)) {
    if (pair.length !== 2) continue; // blank pieces at the ends
    map.set(pair.charCodeAt(0), pair.charCodeAt(1));
  }
  return map;
}

/** Traditional code unit → simplified code unit. */
export const T2S: ReadonlyMap<number, number> = parse(PAIRS);
